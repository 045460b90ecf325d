import { describe, expect, it } from 'vitest';
import { storedFile } from '@/test/files';
import { linksRefreshIn } from './files';

const now = Date.parse('2030-01-01T00:00:00Z');

describe('when a list of files is read again', () => {
  it('is 30 seconds before its earliest link expires', () => {
    const list = { items: [storedFile({ linkExpiresAt: '2030-01-01T00:05:00Z' }), storedFile({ linkExpiresAt: '2030-01-01T00:03:00Z' })], total: 2 };
    expect(linksRefreshIn(list, now)).toBe(150_000);
  });

  it('is never sooner than 10 seconds, nor later than an hour (a timer cannot wait longer than 2^31 ms)', () => {
    expect(linksRefreshIn({ items: [storedFile({ linkExpiresAt: '2030-01-01T00:00:05Z' })], total: 1 }, now)).toBe(10_000);
    expect(linksRefreshIn({ items: [storedFile({ linkExpiresAt: '2099-01-01T00:00:00Z' })], total: 1 }, now)).toBe(3_600_000);
  });

  it('is never without links to keep fresh', () => {
    expect(linksRefreshIn({ items: [], total: 0 }, now)).toBe(false);
    expect(linksRefreshIn(undefined, now)).toBe(false);
  });
});
