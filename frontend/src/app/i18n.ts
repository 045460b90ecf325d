// The interface's words: Persian (the default) and English, typed, each feature a namespace. Each language is a
// chunk of its own (src/app/locales), fetched when it is first needed: a visitor downloads the chosen language's
// words only, and the other's on switching. English must have exactly Persian's keys (`Words`), and a missing key is
// a type error at build time.
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { applyToDocument, isLocale, rememberLocale, storedLocale, type Locale } from '@/lib/i18n/locale';
import type { Words } from './locales/fa';

const load: Record<Locale, () => Promise<{ default: Words }>> = {
  fa: () => import('./locales/fa'),
  en: () => import('./locales/en'),
};

/** Namespaces: read from the language's chunk (one download per language; the module system keeps it). */
const languageChunks: BackendModule = {
  type: 'backend',
  init() {},
  // The callback form, which is the one BackendModule's type describes.
  read(language, namespace, callback) {
    if (!isLocale(language)) return callback(new Error(`no words for the language ${language}`), false);
    load[language]().then(
      (chunk) => callback(null, chunk.default[namespace as keyof Words]),
      (error: Error) => callback(error, false),
    );
  },
};

const NAMESPACES = ['common', 'errors', 'enums', 'files', 'account', 'admin', 'calls', 'ideas', 'jury', 'notifications', 'partnerships', 'public', 'ranking', 'reviews', 'screening', 'stats'] as const satisfies ReadonlyArray<keyof Words>;

let started: Promise<typeof i18next> | undefined;

/**
 * Starts i18n in `locale` (the one remembered in this browser by default) and resolves once its words are here:
 * render after it, so that no page ever shows a key. Later calls return the same promise (the language stays as is;
 * change it with `i18next.changeLanguage`, which waits for the other language's words before switching).
 */
export function initI18n(locale: Locale = storedLocale()): Promise<typeof i18next> {
  if (!started) {
    applyToDocument(locale);
    i18next.on('languageChanged', (next) => {
      const chosen: Locale = next === 'en' ? 'en' : 'fa';
      rememberLocale(chosen);
      applyToDocument(chosen);
    });
    started = i18next
      .use(languageChunks)
      .use(initReactI18next)
      .init({
        lng: locale,
        supportedLngs: ['fa', 'en'],
        // English has every Persian key (the types say so): no fallback, so an English page never fetches Persian.
        fallbackLng: false,
        load: 'currentOnly',
        defaultNS: 'common',
        ns: NAMESPACES,
        interpolation: { escapeValue: false },
        returnNull: false,
      })
      .then(() => i18next);
  }
  return started;
}
