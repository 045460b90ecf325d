import { formatNumber } from '@/lib/format/numbers';
import type { Locale } from '@/lib/i18n/locale';

/** A score or figure with fixed decimals in the locale's digits, or a dash when there is none. */
export function fixed(value: number | null | undefined, locale: Locale, digits: number, dash = '—'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return dash;
  return formatNumber(value, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** How an alpha reads in words: Krippendorff's usual thresholds (0.8 good, 0.667 the least to draw on). */
export function alphaLevel(alpha: number): 'good' | 'fair' | 'weak' {
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.667) return 'fair';
  return 'weak';
}
