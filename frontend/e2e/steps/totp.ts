// RFC 6238 codes as an authenticator app computes them (HMAC-SHA1, six digits, 30-second steps), for the journeys
// that sign in with a second factor.
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The 30-second step of a moment (now by default). */
export function stepOf(ms = Date.now()): number {
  return Math.floor(ms / 30_000);
}

/** The six-digit code of a base32 key at a step (RFC 4226's dynamic truncation). */
export function totp(secret: string, step = stepOf()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A code of a step after `used` (a server takes each step's code once): waits for the next step if need be. */
export async function freshCode(secret: string, used: number): Promise<{ code: string; step: number }> {
  while (stepOf() <= used) await new Promise((done) => setTimeout(done, 30_000 - (Date.now() % 30_000) + 200));
  const step = stepOf();
  return { code: totp(secret, step), step };
}
