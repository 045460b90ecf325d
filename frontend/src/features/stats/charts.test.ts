import { describe, expect, it } from 'vitest';
import { countsToData, dailyData, MIN_DAYS, total } from './charts';

describe('chart data of a call', () => {
  it('fills the quiet days between submissions with zeroes, in order', () => {
    const data = dailyData(
      [
        { date: '2026-12-03', count: 2 },
        { date: '2026-11-29', count: 5 },
        { date: '2026-12-01', count: 1 },
      ],
      'en',
      { minDays: 5, today: '2026-12-20' },
    );
    expect(data.map((d) => d.value)).toEqual([5, 0, 1, 0, 2]);
    expect(data[0]).toEqual({ label: '29/11/2026', tick: '29 Nov', value: 5 });
    expect(data[4]?.label).toBe('03/12/2026');
  });

  it('crosses a month and a year end', () => {
    const data = dailyData([{ date: '2026-12-31', count: 1 }, { date: '2027-01-01', count: 3 }], 'en', { today: '2027-02-01' });
    expect(data.map((d) => d.value)).toEqual([0, 0, 0, 1, 3, 0, 0]);
    expect(data.map((d) => d.tick)).toEqual(['28 Dec', '29 Dec', '30 Dec', '31 Dec', '1 Jan', '2 Jan', '3 Jan']);
  });

  it('shows a week around a single busy day, not one bar as wide as the chart', () => {
    const data = dailyData([{ date: '2026-12-07', count: 12 }], 'en', { today: '2026-12-20' });
    expect(data.map((d) => d.value)).toEqual([0, 0, 0, 12, 0, 0, 0]);
    expect(data).toHaveLength(MIN_DAYS);
    expect(data[0]?.label).toBe('04/12/2026');
    expect(data[6]?.label).toBe('10/12/2026');
  });

  it('does not run past today: a call whose every idea came in today ends its week today', () => {
    const data = dailyData([{ date: '2026-12-07', count: 3 }], 'en', { today: '2026-12-07' });
    expect(data.map((d) => d.value)).toEqual([0, 0, 0, 0, 0, 0, 3]);
    expect(data[6]?.label).toBe('07/12/2026');
  });

  it('labels days in the Jalali calendar with Persian digits in Persian, the axis by day and month', () => {
    const data = dailyData([{ date: '2021-02-18', count: 4 }], 'fa', { today: '2021-02-18' });
    expect(data.at(-1)).toEqual({ label: '۱۳۹۹/۱۱/۳۰', tick: '۳۰ بهمن', value: 4 });
    expect(data[0]).toEqual({ label: '۱۳۹۹/۱۱/۲۴', tick: '۲۴ بهمن', value: 0 });
  });

  it('has no data without submissions', () => {
    expect(dailyData([], 'fa')).toEqual([]);
  });

  it('labels counts and puts the largest first, ties by label', () => {
    const data = countsToData(
      [
        { key: 'IT', count: 2 },
        { key: 'DE', count: 7 },
        { key: 'ES', count: 2 },
      ],
      (key) => ({ IT: 'Italy', DE: 'Germany', ES: 'Spain' })[key] ?? key,
    );
    expect(data).toEqual([
      { label: 'Germany', value: 7 },
      { label: 'Italy', value: 2 },
      { label: 'Spain', value: 2 },
    ]);
    expect(total([{ count: 2 }, { count: 7 }])).toBe(9);
  });
});
