import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { OutboxPage } from './OutboxPage';

const entry = (over: Partial<Schema<'OutboxEntryView'>>): Schema<'OutboxEntryView'> => ({
  id: crypto.randomUUID(),
  kind: 'idea_received',
  recipient: { id: 'u1', email: 'sara@example.org', displayName: 'سارا احمدی' },
  state: 'sent',
  attempts: 1,
  nextAttemptAt: '2026-12-06T09:30:00Z',
  lastError: null,
  createdAt: '2026-12-06T09:30:00Z',
  sentAt: '2026-12-06T09:30:05Z',
  ...over,
});
const dead = entry({ kind: 'password_reset', state: 'dead', attempts: 8, lastError: '550 5.1.1 mailbox unavailable', sentAt: null });
const pending = entry({ kind: 'draft_reminder', state: 'pending', attempts: 2, lastError: 'connection refused', sentAt: null });
const o = resources.en.admin.outbox;

describe('the outbox', { timeout: 20_000 }, () => {
  it('lists each e-mail with its kind, recipient, state and attempts, Persian digits and days in Persian', async () => {
    const calls = stubApi(() => ({ body: { items: [entry({}), dead, pending], total: 3, limit: 50, offset: 0 } }));
    await renderWithApp(<OutboxPage />, { locale: 'fa', path: '/admin/outbox' });
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(4);
    const fa = resources.fa;
    expect(within(rows[1]!).getByText(fa.enums.NoticeKind.idea_received)).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('سارا احمدی');
    expect(within(rows[1]!).getByText('sara@example.org')).toBeInTheDocument();
    expect(within(rows[1]!).getByText(fa.enums.DeliveryState.sent)).toBeInTheDocument();
    expect(within(rows[2]!).getByText('۸')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('550 5.1.1 mailbox unavailable')).toBeInTheDocument();
    expect(within(rows[3]!).getAllByRole('cell')[3]).toHaveTextContent(/۱۴۰۵/);
    // Only the failed one may be sent again.
    expect(screen.getAllByRole('button', { name: /فرستادن دوبارهٔ رایانامه/ })).toHaveLength(1);
    expect(new URL(calls[0]!.url).searchParams.toString()).toBe('limit=50&offset=0');
  });

  it('filters by state and sends a failed e-mail again', async () => {
    const calls = stubApi((request) => {
      if (request.method === 'POST') return { body: { ...dead, state: 'pending', attempts: 0 } };
      return { body: { items: [dead], total: 1, limit: 50, offset: 0 } };
    });
    await renderWithApp(<OutboxPage />, { locale: 'en', path: '/admin/outbox' });
    await screen.findAllByRole('row');
    await userEvent.selectOptions(screen.getByLabelText(o.state), resources.en.enums.DeliveryState.dead);
    await waitFor(() => expect(calls.some((call) => new URL(call.url).searchParams.get('state') === 'dead')).toBe(true));
    await userEvent.click(screen.getByRole('button', { name: 'Send the e-mail to سارا احمدی again' }));
    expect(await screen.findByText('The e-mail to سارا احمدی is queued again.')).toBeInTheDocument();
    const post = calls.find((call) => call.method === 'POST');
    expect(new URL(post!.url).pathname).toBe(`/api/v1/admin/outbox/${dead.id}/retry`);
    // Read again after the retry.
    await waitFor(() => expect(calls.filter((call) => call.method === 'GET').length).toBeGreaterThanOrEqual(3));
  });

  it('says when there is nothing to show', async () => {
    stubApi(() => ({ body: { items: [], total: 0, limit: 50, offset: 0 } }));
    await renderWithApp(<OutboxPage />, { locale: 'en', path: '/admin/outbox?state=pending' });
    expect(await screen.findByText(o.none)).toBeInTheDocument();
    expect(screen.getByLabelText(o.state)).toHaveValue('pending');
  });
});
