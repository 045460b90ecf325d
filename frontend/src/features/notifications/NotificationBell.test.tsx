import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { BELL_INTERVAL_MS, NotificationBell } from './NotificationBell';

const me = (unreadNotifications: number): Schema<'MeView'> => ({
  id: 'u1',
  email: 'sara@example.org',
  displayName: 'سارا',
  roles: [],
  active: true,
  secondFactorEnabled: false,
  emailVerified: true,
  unreadNotifications,
  locale: 'fa',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  profile: { occupationCategory: null, languages: [], ties: [] },
});

const shell = (
  <>
    <NotificationBell />
    <Link to="/elsewhere">elsewhere</Link>
    <Routes>
      <Route path="*" element={null} />
    </Routes>
  </>
);

describe('the bell', () => {
  it('shows the unread count in Persian digits, named for screen readers, and leads to the list', async () => {
    stubApi(() => ({ body: me(3) }));
    await renderWithApp(shell, { locale: 'fa' });
    const bell = await screen.findByRole('link', { name: 'اعلان‌ها، ۳ خوانده‌نشده' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(bell).toHaveTextContent('۳');
  });

  it('shows no badge with nothing unread', async () => {
    const calls = stubApi(() => ({ body: me(0) }));
    await renderWithApp(shell, { locale: 'en' });
    await waitFor(() => expect(calls).toHaveLength(1));
    const bell = await screen.findByRole('link', { name: resources.en.notifications.bell.label });
    expect(bell.textContent).toBe('');
  });

  it('reads the count again when the reader moves to another page', async () => {
    let unread = 1;
    const calls = stubApi(() => ({ body: me(unread) }));
    await renderWithApp(shell, { locale: 'en' });
    await screen.findByRole('link', { name: 'Notifications, 1 unread' });
    unread = 2;
    await userEvent.click(screen.getByRole('link', { name: 'elsewhere' }));
    await screen.findByRole('link', { name: 'Notifications, 2 unread' });
    expect(calls.every((call) => new URL(call.url).pathname === '/api/v1/me')).toBe(true);
    expect(calls).toHaveLength(2);
    expect(BELL_INTERVAL_MS).toBe(60_000);
  });
});
