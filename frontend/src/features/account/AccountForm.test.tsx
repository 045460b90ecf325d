import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { AccountForm } from './AccountForm';

const me: Schema<'MeView'> = {
  id: 'u1',
  email: 'sara@example.org',
  displayName: 'سارا احمدی',
  roles: [],
  active: true,
  secondFactorEnabled: false,
  emailVerified: true,
  unreadNotifications: 0,
  locale: 'fa',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  profile: { occupationCategory: null, languages: [], ties: [] },
};

describe('the account form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('saves the name and language, and a new language becomes the interface language', async () => {
    const calls = stubApi((request) =>
      request.method === 'PATCH' && request.url.endsWith('/api/v1/me') ? { body: { ...me, displayName: 'Sara Ahmadi', locale: 'en' } } : undefined,
    );
    await renderWithApp(<AccountForm me={me} />, { locale: 'fa' });
    const name = screen.getByLabelText(/نام نمایشی/);
    await userEvent.clear(name);
    await userEvent.type(name, ' Sara Ahmadi ');
    await userEvent.selectOptions(screen.getByLabelText('زبان دلخواه'), 'en');
    await userEvent.click(screen.getByRole('button', { name: 'ذخیره' }));
    await waitFor(() => expect(document.documentElement).toHaveAttribute('lang', 'en'));
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(await calls[0]?.json()).toEqual({ displayName: 'Sara Ahmadi', locale: 'en' });
    expect(await screen.findByRole('status')).toHaveTextContent('Account saved.');
  });
});
