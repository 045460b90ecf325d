// Dates for people: Jalali with Persian digits in Persian, Gregorian in English, always in the office's time
// zone (a call's deadline is the same moment for everyone). Intl does the calendar arithmetic; the only thing
// done by hand is turning a Jalali day back into an ISO day, by asking Intl until it agrees.
import type { Locale } from '@/lib/i18n/locale';

export const OFFICE_TIME_ZONE = 'Asia/Tehran';

const intlLocale: Record<Locale, string> = { fa: 'fa-IR-u-ca-persian-nu-arabext', en: 'en-GB-u-ca-gregory' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(intlLocale[locale], options);
    formatters.set(key, cached);
  }
  return cached;
}

export type DateStyle = 'day' | 'dayMonth' | 'long' | 'dateTime';

const styles: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: '2-digit', day: '2-digit' },
  /** A day and its month's short name (۳۰ بهمن, 18 Feb): a chart's time axis. */
  dayMonth: { month: 'short', day: 'numeric' },
  long: { dateStyle: 'long' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
};

/** A moment (RFC 3339) shown in the office's time zone. */
export function formatMoment(iso: string, locale: Locale, style: DateStyle = 'long'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, { ...styles[style], timeZone: OFFICE_TIME_ZONE }).format(date);
}

/** A calendar day (YYYY-MM-DD): no time zone applies. */
export function formatDay(day: string, locale: Locale, style: Exclude<DateStyle, 'dateTime'> = 'long'): string {
  const date = isoDayToDate(day);
  if (!date) return day;
  return formatter(locale, { ...styles[style], timeZone: 'UTC' }).format(date);
}

function isoDayToDate(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return Number.isNaN(date.getTime()) ? null : date;
}

export type JalaliDay = { year: number; month: number; day: number };

const jalaliParts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'UTC',
});

/** The Jalali day of an ISO day. */
export function toJalali(day: string): JalaliDay | null {
  const date = isoDayToDate(day);
  if (!date) return null;
  return jalaliOf(date);
}

function jalaliOf(date: Date): JalaliDay {
  const parts = Object.fromEntries(jalaliParts.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: parseInt(parts.year ?? '', 10), month: parseInt(parts.month ?? '', 10), day: parseInt(parts.day ?? '', 10) };
}

const DAY_MS = 86_400_000;

/** Days since Farvardin 1: months 1–6 have 31 days, 7–11 have 30. */
function jalaliDayOfYear(month: number, day: number): number {
  return (month <= 7 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
}

/** The ISO day of a Jalali day, or null when that day does not exist (such as 30 Esfand of a common year). */
export function fromJalali({ year, month, day }: JalaliDay): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  // Farvardin 1 falls on 20 or 21 March: guess, then move by the distance Intl reports until it agrees.
  let guess = Date.UTC(year + 621, 2, 21, 12) + jalaliDayOfYear(month, day) * DAY_MS;
  for (let attempt = 0; attempt < 6; attempt++) {
    const found = jalaliOf(new Date(guess));
    if (found.year === year && found.month === month && found.day === day) {
      return new Date(guess).toISOString().slice(0, 10);
    }
    const distance =
      (year - found.year) * 365 + jalaliDayOfYear(month, day) - jalaliDayOfYear(found.month, found.day);
    // Across a leap year the estimate is a day short: step towards the target.
    guess += (distance !== 0 ? distance : Math.sign(year - found.year)) * DAY_MS;
  }
  return null;
}

/** Days in a Jalali month: 31, 30, or 29/30 for Esfand depending on the leap year. */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return fromJalali({ year, month: 12, day: 30 }) ? 30 : 29;
}

/** Month names in a locale's calendar, for pickers. */
export function jalaliMonthNames(locale: Locale): string[] {
  const names = new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-u-ca-persian', {
    month: 'long',
    timeZone: 'UTC',
  });
  return Array.from({ length: 12 }, (_, index) => {
    const iso = fromJalali({ year: 1404, month: index + 1, day: 1 });
    return iso ? names.format(isoDayToDate(iso) ?? new Date()) : String(index + 1);
  });
}

/** Today in the office's time zone, as an ISO day. */
export function todayInOffice(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE }).format(now);
}

/** The office's offset from UTC on a day, as `+03:30` (Intl knows each era's rule; Iran has kept no DST since 2022). */
export function officeOffset(day: string): string {
  const noon = isoDayToDate(day) ?? new Date();
  const name = new Intl.DateTimeFormat('en-US', { timeZone: OFFICE_TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name ?? '');
  return match ? `${match[1]}:${match[2] ?? '00'}` : '+03:30';
}

/** The first moment of an ISO day in the office, as RFC 3339 (a `since` filter). */
export function startOfOfficeDay(day: string): string {
  return `${day}T00:00:00${officeOffset(day)}`;
}

/** The last second of an ISO day in the office, as RFC 3339 (an `until` filter that takes the whole day). */
export function endOfOfficeDay(day: string): string {
  return `${day}T23:59:59${officeOffset(day)}`;
}
