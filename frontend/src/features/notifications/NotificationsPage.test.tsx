import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { NotificationsPage } from './NotificationsPage';

type View = Schema<'NotificationView'>;
const CALL = { id: '0190c0de-0000-7000-8000-0000000000ca', title: { fa: 'فراخوان پاییز', en: 'Autumn call' } };
const ENDPOINT = '0190c0de-0000-7000-8000-0000000000e1';
const IDEA = { id: '0190c0de-0000-7000-8000-00000000001d', title: 'Isfahan week' };
const notice = (over: Partial<View>): View => ({ id: crypto.randomUUID(), kind: 'idea_received', createdAt: '2026-12-06T09:30:00Z', readAt: null, ...over });
const me = (unreadNotifications: number) => ({
  id: 'u1',
  email: 'sara@example.org',
  displayName: 'Sara',
  roles: [],
  active: true,
  secondFactorEnabled: false,
  emailVerified: true,
  unreadNotifications,
  locale: 'en',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  profile: { occupationCategory: null, languages: [], ties: [] },
});
const page = (items: View[]) => ({ body: { items, total: items.length, limit: 20, offset: 0 } });
const path = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;
/** The text as read on screen: without the invisible isolates around titles. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '');

function Address() {
  const { pathname } = useLocation();
  return <output data-testid="address">{pathname}</output>;
}

const screenUnderTest = (
  <>
    <NotificationsPage />
    <Address />
  </>
);

describe('the notifications page', { timeout: 20_000 }, () => {
  it('says each notice in one sentence, with its link, the unread ones marked', async () => {
    const items = [
      notice({ kind: 'idea_received', call: CALL, idea: IDEA }),
      notice({ kind: 'idea_screened', call: CALL, idea: IDEA, shortlisted: false, reason: 'duplicate', readAt: '2026-12-06T10:00:00Z' }),
      notice({ kind: 'decision_published', call: CALL, idea: IDEA, selected: true }),
      notice({ kind: 'draft_reminder', call: CALL, count: 2, due: '2026-12-10T20:29:59Z' }),
      notice({ kind: 'assignments_made', call: CALL, count: 1, due: '2027-01-10T20:29:59Z' }),
      notice({ kind: 'review_reminder', call: CALL, count: 3, due: '2027-01-10T20:29:59Z' }),
      notice({ kind: 'call_digest', call: CALL, count: 5, day: '2026-12-05' }),
      notice({ kind: 'second_factor_changed', change: 'recovery_code_used' }),
      notice({ kind: 'password_changed' }),
      notice({ kind: 'webhook_disabled', endpoint: { id: ENDPOINT, url: 'https://portal.example.org/hook' }, count: 20 }),
    ];
    stubApi((request) => (new URL(request.url).pathname === '/api/v1/me' ? { body: me(8) } : page(items)));
    await renderWithApp(screenUnderTest, { locale: 'en', path: '/notifications' });
    const n = resources.en.notifications;
    const list = await screen.findByRole('list', { name: n.page.listLabel });
    const entries = within(list).getAllByRole('listitem');
    const links = entries.map((entry) => within(entry).queryByRole('link'));
    expect(links.map((link) => plain(link?.textContent ?? null))).toEqual([
      'We received your idea “Isfahan week” for the call “Autumn call”.',
      'Your idea “Isfahan week” was not accepted at the screening of the call “Autumn call”. Reason: Duplicate.',
      'The results of the call “Autumn call” are out: your idea “Isfahan week” was selected.',
      'You have 2 drafts in the call “Autumn call” that are not submitted yet. The call closes on 10 December 2026.',
      '1 idea of the call “Autumn call” was assigned to you for review. The review ends on 10 January 2027.',
      '3 reviews in the call “Autumn call” still wait for you. The review ends on 10 January 2027.',
      'Daily summary of the call “Autumn call” for 5 December 2026: 5 new submissions.',
      n.notice.second_factor_changed.recovery_code_used,
      n.notice.password_changed,
      'The webhook endpoint https://portal.example.org/hook was switched off after 20 failed attempts in a row; nothing is sent to it until you switch it on again.',
    ]);
    expect(links.map((link) => link?.getAttribute('href'))).toEqual([
      `/my/ideas/${IDEA.id}`,
      `/my/ideas/${IDEA.id}`,
      `/my/ideas/${IDEA.id}`,
      '/my/ideas',
      '/review',
      '/review',
      `/staff/calls/${CALL.id}`,
      '/profile',
      '/profile',
      `/admin/webhooks/${ENDPOINT}`,
    ]);
    // The read one has neither the mark nor the button.
    expect(entries[1]).not.toHaveClass('notice--unread');
    expect(within(entries[1]!).queryByRole('button')).toBeNull();
    expect(entries[0]).toHaveClass('notice--unread');
    expect(within(entries[0]!).getByText(n.page.unread)).toBeInTheDocument();
  });

  it('speaks Persian: titles in Persian, digits and the Jalali calendar', async () => {
    stubApi((request) =>
      new URL(request.url).pathname === '/api/v1/me' ? { body: me(1) } : page([notice({ kind: 'draft_reminder', call: { ...CALL, title: { fa: 'فراخوان پاییز' } }, count: 2, due: '2026-12-10T20:29:59Z' })]),
    );
    await renderWithApp(screenUnderTest, { locale: 'fa', path: '/notifications' });
    const link = await screen.findByRole('link', { name: /پیش‌نویس/ });
    expect(plain(link.textContent)).toBe('۲ پیش‌نویس شما در فراخوان «فراخوان پاییز» هنوز فرستاده نشده است. مهلت فراخوان: ۱۹ آذر ۱۴۰۵.');
  });

  it('marks one read, marks one read by following its link, and marks all read', async () => {
    const first = notice({ kind: 'idea_received', call: CALL, idea: IDEA });
    const second = notice({ kind: 'password_changed' });
    const calls = stubApi((request) => {
      if (request.method === 'POST') return { status: 204 };
      return new URL(request.url).pathname === '/api/v1/me' ? { body: me(2) } : page([first, second]);
    });
    await renderWithApp(screenUnderTest, { locale: 'en', path: '/notifications' });
    const n = resources.en.notifications.page;
    const entries = within(await screen.findByRole('list', { name: n.listLabel })).getAllByRole('listitem');
    await userEvent.click(within(entries[1]!).getByRole('button', { name: n.markRead }));
    await waitFor(() => expect(calls.map(path)).toContain(`POST /api/v1/me/notifications/${second.id}/read`));
    // Read again: the list and the count.
    await waitFor(() => expect(calls.filter((call) => path(call) === 'GET /api/v1/me').length).toBeGreaterThan(1));

    await userEvent.click(screen.getByRole('button', { name: n.markAllRead }));
    expect(await screen.findByText(n.allRead)).toBeInTheDocument();
    expect(calls.map(path)).toContain('POST /api/v1/me/notifications/read');

    await userEvent.click(within(entries[0]!).getByRole('link'));
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent(`/my/ideas/${IDEA.id}`));
    await waitFor(() => expect(calls.map(path)).toContain(`POST /api/v1/me/notifications/${first.id}/read`));
  });

  it('shows the unread ones only when asked, and says when there are none', async () => {
    const calls = stubApi((request) => (new URL(request.url).pathname === '/api/v1/me' ? { body: me(0) } : page([])));
    await renderWithApp(screenUnderTest, { locale: 'en', path: '/notifications' });
    const n = resources.en.notifications.page;
    expect(await screen.findByText(n.empty)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: n.markAllRead })).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: n.unreadOnly }));
    expect(await screen.findByText(n.emptyUnread)).toBeInTheDocument();
    const lists = calls.filter((call) => new URL(call.url).pathname === '/api/v1/me/notifications').map((call) => new URL(call.url).searchParams.toString());
    expect(lists).toEqual(['limit=20&offset=0', 'limit=20&offset=0&unread=true']);
    expect(screen.getByRole('link', { name: n.preferences })).toHaveAttribute('href', '/profile#notifications');
  });
});
