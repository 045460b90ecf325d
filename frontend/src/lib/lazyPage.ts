import { lazy, type ComponentType } from 'react';

/**
 * A page loaded when its route is first visited: each feature's pages (and what only they use, such as the
 * charts) become chunks of their own, so the first paint downloads only the shell.
 */
export function lazyPage<Module extends Record<string, unknown>>(load: () => Promise<Module>, name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
