import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorsFa } from './errors';
import { errorsEn } from './errors.en';

// The codes as the committed contract lists them, read from the file rather than from the generated types.
const contract = JSON.parse(readFileSync(resolve(__dirname, '../../../../openapi/openapi.json'), 'utf8')) as {
  components: { schemas: { ErrorCode: { enum: string[] } } };
};
const codes = contract.components.schemas.ErrorCode.enum;

describe('error messages', () => {
  it('reads the codes from the contract', () => {
    expect(codes.length).toBeGreaterThan(30);
    expect(codes).toContain('validation_failed');
  });

  it.each([
    ['fa', errorsFa],
    ['en', errorsEn],
  ] as const)('has a message for every code in %s', (_, messages) => {
    const table = messages as unknown as Record<string, unknown>;
    const missing = codes.filter((code) => {
      const message = table[code];
      return typeof message !== 'string' || !message.trim();
    });
    expect(missing).toEqual([]);
  });

  it('knows the codes of uploads and file links (issue 19)', () => {
    const files = ['file_too_large', 'owner_files_too_large', 'unsupported_file_type', 'infected_file', 'malformed_multipart', 'link_expired', 'link_invalid'];
    expect(codes).toEqual(expect.arrayContaining(files));
    for (const code of files) {
      expect((errorsFa as unknown as Record<string, string>)[code]).not.toBe((errorsEn as unknown as Record<string, string>)[code]);
    }
  });

  it('writes Persian messages in Persian', () => {
    for (const code of codes) {
      expect((errorsFa as unknown as Record<string, string>)[code]).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
