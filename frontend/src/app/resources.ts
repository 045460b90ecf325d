// Both languages' words at once, imported statically: for the unit tests and the journeys, which read the app's own
// strings to find things on a page. The app itself loads one language at a time (src/app/i18n.ts).
import en from './locales/en';
import fa from './locales/fa';

export const resources = { fa, en } as const;
