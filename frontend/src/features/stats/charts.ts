// Turning a call's statistics into chart data: shared by the public page and the staff page.
import type { Datum } from '@/components/ui/BarChart';
import type { Schema } from '@/lib/api/types';
import { formatDay } from '@/lib/format/dates';
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

/**
 * Submissions per day from the first day with one to the last, in order, with the quiet days in between as
 * zeroes so that the time axis is true.
 */
export function dailyData(byDay: DayCount[], locale: Locale): Datum[] {
  if (byDay.length === 0) return [];
  const counts = new Map(byDay.map((entry) => [entry.date, entry.count]));
  const sorted = [...counts.keys()].sort();
  const first = sorted[0] as string;
  const last = sorted[sorted.length - 1] as string;
  const data: Datum[] = [];
  // A call's window is weeks or months; the cap only guards against a corrupt answer.
  for (let day = first, guard = 0; day <= last && guard < 3660; day = addDays(day, 1), guard++) {
    data.push({ label: formatDay(day, locale, 'day'), value: counts.get(day) ?? 0 });
  }
  return data;
}

/** The sum of counts. */
export function total(counts: { count: number }[]): number {
  return counts.reduce((sum, entry) => sum + entry.count, 0);
}
