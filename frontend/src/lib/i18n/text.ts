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

/** A form's optional {fa, en} text for the API: null when both parts are empty. */
export function optionalText(text: { fa?: string | null; en?: string | null } | undefined): { fa: string; en: string | null } | null {
  const fa = text?.fa?.trim() ?? '';
  const en = text?.en?.trim() ?? '';
  if (!fa && !en) return null;
  return toBilingual({ fa, en });
}

/** An API text (or none) as a form's two fields. */
export function textValue(text: Bilingual | null | undefined): { fa: string; en: string } {
  return { fa: text?.fa ?? '', en: text?.en ?? '' };
}
