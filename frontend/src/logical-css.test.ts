// Right-to-left by construction: our styles use logical properties (inline/block, start/end) only, so the same
// rule is right in Persian and in English. A line may opt out with `physical-ok: <why>` (a library's API).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const PHYSICAL = [
  /\b(margin|padding|border)-(left|right)\b/,
  /\b(margin|padding|border)(Left|Right)\b/,
  /(^|[\s;{])(left|right)\s*:/,
  /text-align:\s*(left|right)/,
  /textAlign:\s*['"](left|right)/,
  /float:\s*(left|right)/,
];

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(css|tsx)$/.test(name) && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

describe('styles', () => {
  it('use logical properties only', () => {
    const found = files(__dirname).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (!line.includes('physical-ok') && PHYSICAL.some((rule) => rule.test(line)) ? [`${relative(__dirname, file)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
