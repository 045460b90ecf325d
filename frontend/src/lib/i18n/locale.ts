// The interface language: Persian by default, remembered in this browser, and applied to <html lang dir>.
export const LOCALES = ['fa', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'citizen-diplomat.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'fa' || value === 'en';
}

export function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'fa';
  } catch {
    return 'fa';
  }
}

export function rememberLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

export function direction(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'fa' ? 'rtl' : 'ltr';
}

export function applyToDocument(locale: Locale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = direction(locale);
}
