// The values of the enums the jury's forms offer, in the contract's order (enums.ts has a label for each).
import type { Schema } from '@/lib/api/types';

export { DOMAINS, ORGANISATIONS } from '@/lib/api/enums';

export type Organisation = Schema<'Organisation'>;
export type Domain = Schema<'Domain'>;

/** A count a person typed, in any digits; NaN when it is not a whole number. */
export function parseCount(text: string, latin: (text: string) => string): number {
  const clean = latin(text.trim());
  return /^\d+$/.test(clean) ? Number(clean) : Number.NaN;
}

/** Items joined as a list in the locale ("a، b و c" / "a, b and c" style, without the conjunction). */
export function joinList(items: string[], locale: 'fa' | 'en'): string {
  return new Intl.ListFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', { type: 'unit', style: 'short' }).format(items);
}

/** A name or title of either script inside a sentence of the other: isolated, so the sentence keeps its order. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
