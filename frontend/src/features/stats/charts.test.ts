import { describe, expect, it } from 'vitest';
import { countsToData, dailyData, total } from './charts';

describe('chart data of a call', () => {
  it('fills the quiet days between submissions with zeroes, in order', () => {
    const data = dailyData(
      [
        { date: '2026-12-03', count: 2 },
        { date: '2026-11-29', count: 5 },
        { date: '2026-12-01', count: 1 },
      ],
      'en',
    );
    expect(data.map((d) => d.value)).toEqual([5, 0, 1, 0, 2]);
    expect(data[0]?.label).toBe('29/11/2026');
    expect(data[4]?.label).toBe('03/12/2026');
  });

  it('crosses a month and a year end', () => {
    const data = dailyData([{ date: '2026-12-31', count: 1 }, { date: '2027-01-01', count: 3 }], 'en');
    expect(data.map((d) => d.value)).toEqual([1, 3]);
  });

  it('labels days in the Jalali calendar with Persian digits in Persian', () => {
    const [first] = dailyData([{ date: '2021-02-18', count: 4 }], 'fa');
    expect(first).toEqual({ label: '۱۳۹۹/۱۱/۳۰', value: 4 });
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
