import { formatDay, formatMoment, type DateStyle } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';

/** A moment (RFC 3339): Jalali in Persian, Gregorian in English, in the office's time zone. */
export function Moment({ value, style = 'long' }: { value: string; style?: DateStyle }) {
  const { locale } = useLocale();
  return <time dateTime={value}>{formatMoment(value, locale, style)}</time>;
}

/** A calendar day (YYYY-MM-DD). */
export function Day({ value, style = 'long' }: { value: string; style?: 'day' | 'long' }) {
  const { locale } = useLocale();
  return <time dateTime={value}>{formatDay(value, locale, style)}</time>;
}

/** A number with the locale's digits. */
export function Num({ value, digits }: { value: number; digits?: number }) {
  const { locale } = useLocale();
  const options = digits === undefined ? undefined : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return <>{formatNumber(value, locale, options)}</>;
}
