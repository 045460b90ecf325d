import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import { renderWithApp, stubApi } from '@/test/render';
import { DeliveryPage, prettyJson } from './DeliveryPage';
import { deliveryDetail, endpoint } from './testData';

const en = resources.en.admin;
const fa = resources.fa.admin;
const ep = endpoint();
const route = '/admin/webhooks/:id/deliveries/:deliveryId';

describe('a delivery', { timeout: 20_000 }, () => {
  it('shows its payload as sent, left to right, and every attempt with its answer', async () => {
    const detail = deliveryDetail({
      id: 'msg_failed01',
      state: 'failed',
      attempts: 2,
      lastStatus: 500,
      lastError: 'HTTP 500',
      deliveredAt: null,
      attemptLog: [
        { attemptedAt: '2026-12-06T09:30:00Z', status: null, error: 'connection refused', responseBody: null, durationMs: 12 },
        { attemptedAt: '2026-12-06T09:30:31Z', status: 500, error: 'HTTP 500', responseBody: '{"error":"boom"}', durationMs: 1234 },
      ],
    });
    const calls = stubApi(() => ({ body: detail }));
    await renderWithApp(<DeliveryPage />, { locale: 'fa', path: `/admin/webhooks/${ep.id}/deliveries/msg_failed01`, route });
    const payload = await screen.findByLabelText(fa.delivery.payload, { selector: 'pre' });
    expect(payload).toHaveAttribute('dir', 'ltr');
    expect(payload.textContent).toBe(prettyJson(detail.payload));
    expect(payload.textContent).toContain('\n  "type": "call.opened"');
    expect(screen.getByText('msg_failed01')).toHaveAttribute('dir', 'ltr');
    expect(screen.getByText(fa.deliveryStates.failed)).toBeInTheDocument();

    const attempts = screen.getByRole('region', { name: fa.delivery.attemptLogLabel });
    const rows = within(attempts).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('connection refused')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('۱۲ میلی‌ثانیه')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('۵۰۰')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('۱٬۲۳۴ میلی‌ثانیه')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('{"error":"boom"}')).toHaveAttribute('dir', 'ltr');
    expect(within(rows[2]!).getByRole('rowheader')).toHaveTextContent(/۱۴۰۵/);
    expect(new URL(calls[0]!.url).pathname).toBe(`/api/v1/admin/webhooks/${ep.id}/deliveries/msg_failed01`);
  });

  it('sends a failed message again', async () => {
    const detail = deliveryDetail({ id: 'msg_failed01', state: 'failed', deliveredAt: null });
    const calls = stubApi((request) => (request.method === 'POST' ? { body: { ...detail, state: 'pending' } } : { body: detail }));
    await renderWithApp(<DeliveryPage />, { locale: 'en', path: `/admin/webhooks/${ep.id}/deliveries/msg_failed01`, route });
    expect(await screen.findByText(en.delivery.noAttempts)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: en.deliveries.redeliver }));
    expect(await screen.findByText('Message msg_failed01 is queued again.')).toBeInTheDocument();
    expect(new URL(calls.find((call) => call.method === 'POST')!.url).pathname).toBe(`/api/v1/admin/webhooks/${ep.id}/deliveries/msg_failed01/redeliver`);
    await waitFor(() => expect(calls.filter((call) => call.method === 'GET').length).toBeGreaterThanOrEqual(2));
  });

  it('offers no "send again" while a message is pending', async () => {
    stubApi(() => ({ body: deliveryDetail({ state: 'pending', deliveredAt: null, lastStatus: null }) }));
    await renderWithApp(<DeliveryPage />, { locale: 'en', path: `/admin/webhooks/${ep.id}/deliveries/msg_2Qk7cLr1`, route });
    expect(await screen.findByText(en.deliveryStates.pending)).toBeInTheDocument();
    expect(screen.getByText(en.delivery.nextAttemptAt)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: en.deliveries.redeliver })).toBeNull();
  });
});
