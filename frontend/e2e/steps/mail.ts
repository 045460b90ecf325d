// Reading what the server mailed: with no MAIL_URL it writes each message as an .eml file under <DATA_DIR>/mail.
// The text part is decoded as a mail client would (quoted-printable or base64, UTF-8), to find the links in it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from '../harness';

export type Mail = { file: string; headers: string; text: string };

/** A message's header block, unfolded (a header may continue on lines that start with white space). */
function split(raw: string): { headers: string; body: string } {
  const text = raw.replace(/\r\n/g, '\n');
  const at = text.indexOf('\n\n');
  const headers = (at < 0 ? text : text.slice(0, at)).replace(/\n[ \t]+/g, ' ');
  return { headers, body: at < 0 ? '' : text.slice(at + 2) };
}

function header(headers: string, name: string): string {
  const line = headers.split('\n').find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

/** Quoted-printable (RFC 2045 §6.7): soft line breaks joined, `=XX` as bytes, the bytes read as UTF-8. */
export function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      // Outside an escape the text is ASCII; anything else is kept as its UTF-8 bytes.
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decode(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** The text/plain part of a message (looked for through nested multiparts), decoded. */
function plainText(headers: string, body: string): string | null {
  const type = header(headers, 'Content-Type').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(header(headers, 'Content-Type'))?.[1];
    if (!boundary) return null;
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const inner = split(part.replace(/^\n/, ''));
      const found = plainText(inner.headers, inner.body);
      if (found !== null) return found;
    }
    return null;
  }
  if (type === '' || type.startsWith('text/plain')) return decode(body, header(headers, 'Content-Transfer-Encoding'));
  return null;
}

/** Every message written so far to `to`. */
export function mailsTo(server: Server, to: string): Mail[] {
  const folder = join(server.dataDir, 'mail');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.eml') && !name.startsWith('.'))
    .map((name) => {
      const file = join(folder, name);
      const { headers, body } = split(readFileSync(file, 'utf8'));
      return { file, headers, text: plainText(headers, body) ?? '' };
    })
    .filter((mail) => header(mail.headers, 'To').toLowerCase().includes(to.toLowerCase()));
}

/** Waits (the dispatcher polls every half second) for a message to `to` whose text has a link matching `link`; returns that link. */
export async function mailedLink(server: Server, to: string, link: RegExp, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const mail of mailsTo(server, to)) {
      const found = link.exec(mail.text)?.[0];
      if (found) return found;
    }
    if (Date.now() > until) {
      const seen = mailsTo(server, to).map((mail) => `${mail.file}:\n${mail.text.slice(0, 600)}`);
      throw new Error(`no message to ${to} with a link like ${link} in time; found:\n${seen.join('\n---\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
