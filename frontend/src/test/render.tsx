// Rendering components under test with the app's providers: real i18n resources (loaded as the app loads them, one
// language at a time), a fresh query cache, a router.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { initI18n } from '@/app/i18n';
import type { Locale } from '@/lib/i18n/locale';

export async function renderWithApp(ui: ReactElement, { locale = 'fa', path = '/', route = '*' }: { locale?: Locale; path?: string; route?: string } = {}) {
  const i18n = await initI18n(locale);
  await i18n.changeLanguage(locale);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={ui} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

type Handler = (request: Request) => { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;

/** Stubs fetch: the handler answers each request (JSON), or the test fails on an unexpected one. */
export function stubApi(handler: Handler) {
  const calls: Request[] = [];
  vi.stubGlobal('fetch', (input: Request): Promise<Response> => {
    calls.push(input.clone());
    const answer = handler(input);
    if (!answer) return Promise.reject(new Error(`unexpected request ${input.method} ${input.url}`));
    const status = answer.status ?? 200;
    return Promise.resolve(
      new Response(status === 204 ? null : JSON.stringify(answer.body ?? null), {
        status,
        headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...answer.headers },
      }),
    );
  });
  return calls;
}
