// Languages a citizen may say they speak: ISO 639-1 codes, named in the reader's language by Intl.
import type { Locale } from '@/lib/i18n/locale';

/** The languages offered first: those most likely among Isfahan's citizens and its partner cities. */
export const COMMON_LANGUAGES = [
  'fa', 'en', 'ar', 'tr', 'az', 'ku', 'hy', 'ur', 'hi', 'ru', 'de', 'fr', 'it', 'es', 'pt', 'nl', 'sv', 'zh', 'ja', 'ko', 'ms', 'id',
] as const;

const names = new Map<Locale, Intl.DisplayNames>();

export function languageName(code: string, locale: Locale): string {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale === 'fa' ? 'fa-IR' : 'en-GB'], { type: 'language' });
    names.set(locale, display);
  }
  try {
    return display.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The common languages plus any others the profile has, as {code, name}, sorted by name. */
export function languageOptions(locale: Locale, chosen: readonly string[] = []): { code: string; name: string }[] {
  const codes = [...new Set<string>([...COMMON_LANGUAGES, ...chosen])];
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ code, name: languageName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
}
