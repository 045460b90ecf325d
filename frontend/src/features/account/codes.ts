// The codes of the second factor as people type and keep them: digits from a Persian keyboard, spaces from a
// copied code, the secret grouped for typing into an app by hand, the recovery codes as a file to keep.
import { latinDigits } from '@/lib/format/numbers';

/** An authenticator's code: six digits (RFC 6238 as the server sets it up). */
export const TOTP_CODE = /^\d{6}$/;

/** An authenticator code as typed: Persian or Arabic digits become Latin, spaces and dashes go. */
export function normaliseCode(typed: string): string {
  return latinDigits(typed).replace(/[\s\u200c-]/g, '');
}

/** A recovery code as typed: Latin digits, lower case, no spaces around or inside. */
export function normaliseRecoveryCode(typed: string): string {
  return latinDigits(typed).trim().toLowerCase().replace(/\s+/g, '');
}

/** The base32 secret in groups of four, for typing into an app that cannot scan the picture. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** The recovery codes as a text file: what they are for, then one code a line. */
export function recoveryCodesFile(codes: string[], heading: string): string {
  return `${heading}\n\n${codes.join('\n')}\n`;
}

/** A code where either kind serves (turning the factor off, new recovery codes): six digits, else a recovery code. */
export function normaliseAnyCode(typed: string): string {
  const digits = normaliseCode(typed);
  return TOTP_CODE.test(digits) ? digits : normaliseRecoveryCode(typed);
}
