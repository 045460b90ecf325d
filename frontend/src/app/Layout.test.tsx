import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
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
    user: { id: 'u', email: 's@example.org', displayName: 'Staff', roles: ['staff' as const], active: true, locale: 'en' as const, createdAt: '', updatedAt: '', secondFactorEnabled: false },
  };

  it('sees the enrolment page alone, and everything again once it is free', async () => {
    storeTokens({ ...staff, enrolOnly: true });
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

    act(() => setEnrolOnly(false));
    expect(within(nav).getByRole('link', { name: 'Calls' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Staff' })).toHaveAttribute('href', '/profile');
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
