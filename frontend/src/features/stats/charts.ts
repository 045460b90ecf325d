// Turning a call's statistics into chart data: shared by the public page and the staff page.
import type { Datum } from '@/components/ui/BarChart';
import type { Schema } from '@/lib/api/types';
import { formatDay, todayInOffice } from '@/lib/format/dates';
import type { Locale } from '@/lib/i18n/locale';

type Count = Schema<'Count'>;
type DayCount = Schema<'DayCount'>;

/** Counts under keys, labelled, the largest first (ties by label, so the order is stable). */
export function countsToData(counts: Count[], label: (key: string) => string, collator = new Intl.Collator()): Datum[] {
  return counts
    .map((count) => ({ label: label(count.key), value: count.count }))
    .sort((a, b) => b.value - a.value || collator.compare(a.label, b.label));
}

const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The number of days the daily chart shows at the least: one busy day alone would be one bar as wide as the chart. */
export const MIN_DAYS = 7;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Submissions per day from the first day with one to the last, in order, with the quiet days in between as
 * zeroes so that the time axis is true. Fewer than `minDays` days (all on one day, say) are widened to `minDays`,
 * as evenly as may be around them but not past `today`: quiet days are zeroes too. Each day is labelled in full
 * (the tooltip and the table) and by its day and month for the axis, Jalali with Persian digits in Persian.
 */
export function dailyData(byDay: DayCount[], locale: Locale, { minDays = MIN_DAYS, today = todayInOffice() }: { minDays?: number; today?: string } = {}): Datum[] {
  if (byDay.length === 0) return [];
  const counts = new Map(byDay.map((entry) => [entry.date, entry.count]));
  const sorted = [...counts.keys()].sort();
  let first = sorted[0] as string;
  let last = sorted[sorted.length - 1] as string;
  const missing = minDays - (daysBetween(first, last) + 1);
  if (missing > 0) {
    const after = Math.max(0, Math.min(Math.floor(missing / 2), daysBetween(last, today)));
    first = addDays(first, -(missing - after));
    last = addDays(last, after);
  }
  const data: Datum[] = [];
  // A call's window is weeks or months; the cap only guards against a corrupt answer.
  for (let day = first, guard = 0; day <= last && guard < 3660; day = addDays(day, 1), guard++) {
    data.push({ label: formatDay(day, locale, 'day'), tick: formatDay(day, locale, 'dayMonth'), value: counts.get(day) ?? 0 });
  }
  return data;
}

/** The sum of counts. */
export function total(counts: { count: number }[]): number {
  return counts.reduce((sum, entry) => sum + entry.count, 0);
}
