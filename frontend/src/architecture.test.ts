// The folders are the architecture: shared layers (lib, components) → features → app. A feature never imports
// another feature, and the shared layers import neither features nor the app shell.
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
