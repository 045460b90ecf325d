import { describe, expect, it } from 'vitest';
import { describeClient } from './clients';
import { groupSecret, normaliseAnyCode, normaliseCode, normaliseRecoveryCode, recoveryCodesFile } from './codes';
import { qrPath } from './QrCode';

describe('codes as people type and keep them', () => {
  it('reads an authenticator code in any digits, without spaces', () => {
    expect(normaliseCode('۱۲۳ ۴۵۶')).toBe('123456');
    expect(normaliseCode('١٢٣-٤٥٦')).toBe('123456');
    expect(normaliseRecoveryCode('  K7M2-Q9XD-4H ')).toBe('k7m2-q9xd-4h');
    expect(normaliseAnyCode('۱۲۳ ۴۵۶')).toBe('123456');
    expect(normaliseAnyCode('K7M2-Q9XD-4H')).toBe('k7m2-q9xd-4h');
  });

  it('groups the key by four and writes the recovery codes one a line', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJB')).toBe('JBSW Y3DP EHPK 3PXP JB');
    expect(recoveryCodesFile(['a', 'b'], 'Codes')).toBe('Codes\n\na\nb\n');
  });

  it('draws a QR code with its quiet zone', () => {
    const { size, path } = qrPath('otpauth://totp/x?secret=JBSWY3DP');
    expect(size).toBeGreaterThanOrEqual(21 + 8);
    // The finder pattern's corner module sits just inside the quiet zone.
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
  });
});

describe('a session’s client in short', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', 'Chrome 156 · Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86', 'Edge 131 · Windows'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'Safari 18 · iOS'],
    ['Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36', 'Samsung Internet 26 · Android'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox 133 · macOS'],
    ['curl/8.11.0', 'curl 8'],
    ['some-integration/2.4 (contact: ops@example.org) with a very long description of itself', 'some-integration/2.4 (contact: ops@example.org)…'],
  ])('%s', (agent, short) => {
    expect(describeClient(agent)).toBe(short);
  });
});
