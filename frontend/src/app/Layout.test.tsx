import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import { api, unwrap } from '@/lib/api/client';
import { readSession, setEnrolOnly, storeTokens } from '@/lib/auth/session';
import { renderWithApp, stubApi } from '@/test/render';
import { Layout } from './Layout';

describe('the language switch', () => {
  it('starts in Persian, right to left, and switches to English, remembered, fetching its words then only', async () => {
    localStorage.clear();
    await renderWithApp(<Layout />, { locale: 'fa' });
    expect(document.documentElement).toHaveAttribute('lang', 'fa');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('navigation', { name: 'پیمایش اصلی' })).toBeInTheDocument();
    expect(i18next.hasResourceBundle('en', 'common')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(localStorage.getItem('citizen-diplomat.locale')).toBe('en');

    await userEvent.click(screen.getByRole('button', { name: 'نمایش به فارسی' }));
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(localStorage.getItem('citizen-diplomat.locale')).toBe('fa');
  });
});

describe('an enrol-only session', () => {
  const staff = {
    accessToken: 'a',
    refreshToken: 'r',
    tokenType: 'Bearer' as const,
    expiresIn: 900,
    user: { id: 'u', email: 's@example.org', displayName: 'Staff', roles: ['staff' as const], active: true, locale: 'en' as const, createdAt: '', updatedAt: '', secondFactorEnabled: false, emailVerified: true },
  };

  it('sees the enrolment page alone, and everything again once it is free', async () => {
    storeTokens({ ...staff, enrolOnly: true });
    // Once free, the header reads the account (the bell's count).
    const calls = stubApi((request) => (new URL(request.url).pathname === '/api/v1/me' ? { body: { ...staff.user, unreadNotifications: 0, profile: { languages: [], ties: [] } } } : undefined));
    await renderWithApp(
      <Routes>
        <Route element={<Layout />}>
          <Route path="second-factor" element={<Address />} />
          <Route path="*" element={<p>elsewhere</p>} />
        </Route>
      </Routes>,
      { locale: 'en', path: '/staff/calls' },
    );
    expect(await screen.findByTestId('address')).toHaveTextContent('/second-factor?next=%2Fstaff%2Fcalls');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Two-step verification']);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Staff' })).toBeNull();

    expect(screen.queryByRole('link', { name: 'Notifications' })).toBeNull();
    expect(calls).toHaveLength(0);

    act(() => setEnrolOnly(false));
    expect(within(nav).getByRole('link', { name: 'Calls' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Staff' })).toHaveAttribute('href', '/profile');
    expect(await screen.findByRole('link', { name: 'Notifications' })).toHaveAttribute('href', '/notifications');
  });

  it('is what a 403 second_factor_required makes of a session', async () => {
    storeTokens({ ...staff, enrolOnly: false });
    stubApi(() => ({
      status: 403,
      body: { type: 'urn:citizen-diplomat:problem:second_factor_required', title: 't', status: 403, detail: 'd', code: 'second_factor_required' },
    }));
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ code: 'second_factor_required' });
    expect(readSession()?.enrolOnly).toBe(true);
  });
});

function Address() {
  const { pathname, search } = useLocation();
  return <output data-testid="address">{`${pathname}${search}`}</output>;
}

describe('a signed-in account', () => {
  const citizen = {
    accessToken: 'a',
    refreshToken: 'r',
    tokenType: 'Bearer' as const,
    expiresIn: 900,
    enrolOnly: false,
    user: { id: 'c', email: 'sara@example.org', displayName: 'سارا', roles: [], active: true, locale: 'fa' as const, createdAt: '', updatedAt: '', secondFactorEnabled: false, emailVerified: false },
  };
  const me = (emailVerified: boolean, unreadNotifications: number) => ({ ...citizen.user, emailVerified, unreadNotifications, profile: { languages: [], ties: [] } });
  const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u2068\u2069]/g, '');

  it('sees the bell with its count, and a calm note until its address is confirmed', async () => {
    storeTokens(citizen);
    let verified = false;
    stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/me') return { body: me(verified, 2) };
      // Confirmed meanwhile, in another tab: the server says so and the note goes.
      if (path === '/api/v1/me/email-verification') {
        verified = true;
        return { status: 409, body: { type: 'x', title: 't', status: 409, detail: 'd', code: 'email_verified' } };
      }
      return undefined;
    });
    await renderWithApp(<Layout />, { locale: 'fa', path: '/my/ideas' });
    expect(await screen.findByRole('link', { name: 'اعلان‌ها، ۲ خوانده‌نشده' })).toBeInTheDocument();
    const fa = resources.fa.common.verifyEmail;
    const note = await screen.findByText((_, element) => element?.tagName === 'P' && plain(element.textContent).startsWith('نشانی رایانامهٔ خود را تأیید کنید: پیوندی به sara@example.org فرستادیم.'));
    expect(note).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: fa.resend }));
    await waitFor(() => expect(screen.queryByRole('button', { name: fa.resend })).toBeNull());
  });

  it('is told to wait when it asks for links too often', async () => {
    storeTokens(citizen);
    stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/me') return { body: me(false, 0) };
      if (path === '/api/v1/me/email-verification') {
        return { status: 429, headers: { 'Retry-After': '90' }, body: { type: 'x', title: 't', status: 429, detail: 'd', code: 'too_many_attempts' } };
      }
      return undefined;
    });
    await renderWithApp(<Layout />, { locale: 'en', path: '/my/ideas' });
    const en = resources.en.common.verifyEmail;
    await userEvent.click(await screen.findByRole('button', { name: en.resend }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`${en.tooOften} Try again in 2 minutes.`);
    expect(screen.getByRole('link', { name: 'Notifications' })).toBeInTheDocument();
  });
});
