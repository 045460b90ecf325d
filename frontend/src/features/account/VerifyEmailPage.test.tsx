import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';
import { clearSession, readSession, storeTokens } from '@/lib/auth/session';
import { renderWithApp, stubApi } from '@/test/render';
import { VerifyEmailPage } from './VerifyEmailPage';

const user: Schema<'UserView'> = {
  id: 'u1',
  email: 'sara@example.org',
  displayName: 'Sara',
  roles: [],
  active: true,
  locale: 'en',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  secondFactorEnabled: false,
  emailVerified: false,
};
const me = (emailVerified: boolean) => ({ ...user, emailVerified, unreadNotifications: 0, profile: { occupationCategory: null, languages: [], ties: [] } });
const refused = { status: 422, body: { type: 'urn:x', title: 't', status: 422, detail: 'd', code: 'validation_failed', errors: [{ pointer: '/token', code: 'invalid_verification_token', message: 'm' }] } };
const path = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;
const v = resources.en.account.verify;

function Address() {
  const { pathname, search, hash } = useLocation();
  return <output data-testid="address">{`${pathname}${search}${hash}`}</output>;
}

const page = (
  <StrictMode>
    <VerifyEmailPage />
    <Address />
  </StrictMode>
);

describe('confirming an e-mail address', { timeout: 20_000 }, () => {
  it('sends the fragment’s token once, takes it out of the address, and leads a visitor to sign in', async () => {
    clearSession();
    const calls = stubApi((request) => (request.url.endsWith('/api/v1/auth/verify-email') ? { status: 204 } : undefined));
    await renderWithApp(page, { locale: 'en', path: '/verify-email#token=abc%2Bdef' });
    expect(await screen.findByText(v.done)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: v.toLogin })).toHaveAttribute('href', '/login');
    expect(screen.getByTestId('address')).toHaveTextContent(/^\/verify-email$/);
    expect(calls).toHaveLength(1);
    expect(await calls[0]?.json()).toEqual({ token: 'abc+def' });
  });

  it('gives a signed-in account its fresh copy and leads it to its ideas', async () => {
    storeTokens({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, enrolOnly: false, user });
    const calls = stubApi((request) => {
      if (request.url.endsWith('/api/v1/auth/verify-email')) return { status: 204 };
      if (path(request) === 'GET /api/v1/me') return { body: me(true) };
      return undefined;
    });
    await renderWithApp(page, { locale: 'en', path: '/verify-email?token=old-form' });
    expect(await screen.findByRole('link', { name: v.toIdeas })).toHaveAttribute('href', '/my/ideas');
    await waitFor(() => expect(readSession()?.user.emailVerified).toBe(true));
    expect(calls.map(path)).toEqual(['POST /api/v1/auth/verify-email', 'GET /api/v1/me']);
  });

  it('says a used link plainly, and a signed-in account may ask for a new one', async () => {
    storeTokens({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, enrolOnly: false, user });
    const calls = stubApi((request) => {
      if (request.url.endsWith('/api/v1/auth/verify-email')) return refused;
      if (path(request) === 'GET /api/v1/me') return { body: me(false) };
      if (path(request) === 'POST /api/v1/me/email-verification') return { status: 202 };
      return undefined;
    });
    await renderWithApp(page, { locale: 'en', path: '/verify-email#token=used' });
    expect(await screen.findByText(v.invalid)).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: resources.en.common.verifyEmail.resend }));
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((said) => said.textContent?.replace(/[\u2068\u2069]/g, ''))).toContain(
        'A new link is on its way to sara@example.org. If it does not arrive, look in your spam folder too.',
      ),
    );
    expect(calls.map(path)).toContain('POST /api/v1/me/email-verification');
  });

  it('tells a visitor with a used link to sign in to ask for another', async () => {
    clearSession();
    stubApi(() => refused);
    await renderWithApp(page, { locale: 'fa', path: '/verify-email#token=used' });
    const fa = resources.fa.account.verify;
    expect(await screen.findByText(fa.invalid)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: fa.toLogin })).toHaveAttribute('href', '/login?next=%2Fmy%2Fideas');
  });

  it('says an incomplete link without asking the server', async () => {
    const calls = stubApi(() => undefined);
    await renderWithApp(page, { locale: 'en', path: '/verify-email' });
    expect(screen.getByRole('alert')).toHaveTextContent(v.noToken);
    expect(calls).toHaveLength(0);
  });
});
