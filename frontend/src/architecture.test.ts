// The folders are the architecture: shared layers (lib, components) → features → app. A feature never imports
// another feature, and the shared layers import neither features nor the app shell. A feature talks to the server
// through its api.ts only, and shows what the server allows instead of copying the server's rules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = __dirname;

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](@\/[^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

describe('import boundaries', () => {
  const files = sources(SRC).filter((file) => !file.includes(`${SRC}/test/`));

  it('keeps each feature to itself', () => {
    const crossings = files.flatMap((file) => {
      const own = /^features\/([^/]+)\//.exec(relative(SRC, file))?.[1];
      if (!own) return [];
      return imports(file)
        .filter((path) => path.startsWith('@/features/') && !path.startsWith(`@/features/${own}/`) && path !== `@/features/${own}`)
        .map((path) => `${relative(SRC, file)} → ${path}`);
    });
    expect(crossings).toEqual([]);
  });

  it('keeps the shared layers free of features and of the app shell', () => {
    const crossings = files
      .filter((file) => /^(lib|components)\//.test(relative(SRC, file)) && !file.endsWith('.test.ts') && !file.endsWith('.test.tsx'))
      .flatMap((file) => imports(file).filter((path) => /^@\/(features|app)\//.test(path)).map((path) => `${relative(SRC, file)} → ${path}`));
    expect(crossings).toEqual([]);
  });
});

/** The files of the features and the app shell that render or run (tests apart). */
function appFiles(): string[] {
  return sources(SRC).filter((file) => /^(features|app|components)\//.test(relative(SRC, file)) && !/\.test\.tsx?$/.test(file));
}

describe('reads and writes', () => {
  it('go through each feature\'s api.ts: no other file of a feature or of the app calls the client', () => {
    const CALL = /\b(api|publicApi)\.(GET|POST|PUT|PATCH|DELETE)\s*\(/;
    const found = appFiles()
      .filter((file) => !file.endsWith('/api.ts'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const name = relative(SRC, file);
        return [
          ...imports(file).filter((path) => path === '@/lib/api/client').map(() => `${name} imports the client`),
          ...text.split('\n').flatMap((line, index) => (CALL.test(line) ? [`${name}:${index + 1}: ${line.trim()}`] : [])),
        ];
      });
    expect(found).toEqual([]);
  });
});

// A state or phase compared with a value, or looked up in a list of values: a rule of the server copied here. What
// an account may do comes from the views' allowedActions. Display may still compare (which note or badge to
// show, a count): such a line says so with `state-ok: <why>` on it or in the comment just above it.
const STATE_RULES = [
  /\b(state|phase)\s*[!=]==?\s*['"]/,
  /['"][\w-]*['"]\s*[!=]==?\s*[\w.?]*\b(state|phase)\b/,
  /\.includes\(\s*[\w.?]*\b(state|phase)\s*\)/,
  /switch\s*\(\s*[\w.?]*\b(state|phase)\s*\)/,
];

/** Whether `state-ok:` is on the line, or on a comment line of the few just above it (a blank line ends the search). */
function allowed(lines: string[], index: number): boolean {
  for (let at = index; at >= Math.max(0, index - 4); at -= 1) {
    const line = lines[at] ?? '';
    if (line.trim() === '') return false;
    if (line.includes('state-ok:') && (at === index || /^\s*(\/\/|\*|\/\*|\{\/\*)/.test(line))) return true;
  }
  return false;
}

describe('the server decides what may be done', () => {
  it('has no state or phase rule copied into the pages', () => {
    const found = appFiles().flatMap((file) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      return lines.flatMap((line, index) =>
        STATE_RULES.some((rule) => rule.test(line)) && !allowed(lines, index) ? [`${relative(SRC, file)}:${index + 1}: ${line.trim()}`] : [],
      );
    });
    expect(found).toEqual([]);
  });
});
