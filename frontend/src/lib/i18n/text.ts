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

/**
 * A name, title or address set into a sentence, isolated from it (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL
 * ISOLATE, what `<bdi>` does for an element): a Latin title in a Persian sentence, or a Persian one in English, keeps
 * its own direction without reordering the words around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
