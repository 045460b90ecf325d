import { describe, expect, it } from 'vitest';
import { remaining } from './Countdown';

describe('remaining', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('splits the time left into whole days, hours and minutes', () => {
    expect(remaining(new Date('2026-11-29T15:45:00Z'), now)).toEqual({ days: 2, hours: 3, minutes: 45 });
  });

  it('rounds down to the minute, never up', () => {
    expect(remaining(new Date('2026-11-27T12:00:59.999Z'), now)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(remaining(new Date('2026-11-28T11:59:59Z'), now)).toEqual({ days: 0, hours: 23, minutes: 59 });
  });

  it('counts a whole day at exactly 24 hours', () => {
    expect(remaining(new Date('2026-11-28T12:00:00Z'), now)).toEqual({ days: 1, hours: 0, minutes: 0 });
  });

  it('is null once the moment has come or passed', () => {
    expect(remaining(now, now)).toBeNull();
    expect(remaining(new Date('2026-11-27T11:59:00Z'), now)).toBeNull();
  });

  it('reads a deadline given with microseconds, as the API sends it', () => {
    expect(remaining(new Date('2027-01-06T20:29:59.999999Z'), new Date('2027-01-05T20:30:00Z'))).toEqual({ days: 0, hours: 23, minutes: 59 });
  });
});
