import { describe, expect, it } from 'vitest';
import { endOfOfficeDay, formatDay, formatMoment, fromJalali, jalaliMonthLength, startOfOfficeDay, toJalali } from './dates';

describe('Jalali dates', () => {
  it('knows the 1403 leap year', () => {
    expect(toJalali('2025-03-20')).toEqual({ year: 1403, month: 12, day: 30 });
    expect(toJalali('2025-03-21')).toEqual({ year: 1404, month: 1, day: 1 });
    expect(fromJalali({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20');
    expect(fromJalali({ year: 1404, month: 1, day: 1 })).toBe('2025-03-21');
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
  });

  it('refuses days that do not exist', () => {
    expect(fromJalali({ year: 1404, month: 12, day: 30 })).toBeNull();
    expect(fromJalali({ year: 1404, month: 7, day: 31 })).toBeNull();
    expect(fromJalali({ year: 1404, month: 13, day: 1 })).toBeNull();
  });

  it('round-trips every day of ten years', () => {
    let day = Date.UTC(2020, 0, 1, 12);
    for (let i = 0; i < 3653; i++, day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      const jalali = toJalali(iso);
      expect(jalali && fromJalali(jalali)).toBe(iso);
    }
  });

  it('shows Persian days in the Jalali calendar with Persian digits', () => {
    const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    }).formatToParts(new Date(Date.UTC(2025, 2, 20, 12)));
    expect(parts.find((p) => p.type === 'year')?.value).toBe('۱۴۰۳');
    expect(formatDay('2025-03-20', 'fa', 'day')).toContain('۱۴۰۳');
    expect(formatDay('2025-03-20', 'fa', 'day')).toContain('۳۰');
    expect(formatDay('2025-03-21', 'fa', 'long')).toContain('فروردین');
    expect(formatDay('2025-03-21', 'en', 'long')).toBe('21 March 2025');
  });

  it('shows moments in the office time zone', () => {
    // 21:00 UTC on 20 March is already 21 March (00:30) in Tehran.
    expect(formatMoment('2025-03-20T21:00:00Z', 'en', 'long')).toBe('21 March 2025');
    expect(formatMoment('2025-03-20T21:00:00Z', 'fa', 'long')).toContain('فروردین');
  });
});

describe('office days as moments', () => {
  it('bounds a day in Isfahan, with the offset of its era', () => {
    expect(startOfOfficeDay('2026-12-01')).toBe('2026-12-01T00:00:00+03:30');
    expect(endOfOfficeDay('2026-12-06')).toBe('2026-12-06T23:59:59+03:30');
    // Iran kept summer time until 2022.
    expect(startOfOfficeDay('2021-06-01')).toBe('2021-06-01T00:00:00+04:30');
  });
});
