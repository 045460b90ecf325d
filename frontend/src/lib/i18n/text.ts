import type { Locale } from './locale';

/** A bilingual text of the API ({fa, en?}). */
export type Bilingual = { fa: string; en?: string | null };

/** The text in the locale, falling back to Persian (the required language). */
export function pick(text: Bilingual | null | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'en' && text.en ? text.en : text.fa;
}

/** A bilingual text from a form, for the API: trimmed, with an empty English as null. */
export function toBilingual(text: { fa: string; en?: string | null | undefined }): { fa: string; en: string | null } {
  const en = text.en?.trim();
  return { fa: text.fa.trim(), en: en ? en : null };
}
