import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { delivery, endpoint } from './testData';
import { updateBody, WebhookPage } from './WebhookPage';

const en = resources.en.admin;
const fa = resources.fa.admin;
const ep = endpoint();
const base = `/api/v1/admin/webhooks/${ep.id}`;
const delivered = delivery();
const failed = delivery({ id: 'msg_failed01', eventType: 'decisions.published', state: 'failed', attempts: 9, lastStatus: 503, lastError: 'HTTP 503 Service Unavailable', deliveredAt: null });
const pending = delivery({ id: 'msg_pending1', eventType: 'webhook.ping', state: 'pending', attempts: 0, lastStatus: null, deliveredAt: null, nextAttemptAt: '2026-12-06T09:31:00Z' });
const list = (items: Schema<'WebhookDeliveryView'>[]) => ({ body: { items, total: items.length, limit: 25, offset: 0 } });

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname}</p>;
}

async function open(locale: 'fa' | 'en', handler: Parameters<typeof stubApi>[0], search = '') {
  const calls = stubApi(handler);
  await renderWithApp(
    <Routes>
      <Route path="/admin/webhooks/:id" element={<WebhookPage />} />
      <Route path="/admin/webhooks" element={<Where />} />
    </Routes>,
    { locale, path: `/admin/webhooks/${ep.id}${search}` },
  );
  return calls;
}

/** The usual answers: the endpoint, and its log. */
function server(over: (request: Request, path: string) => ReturnType<Parameters<typeof stubApi>[0]> | null = () => null) {
  return (request: Request) => {
    const path = new URL(request.url).pathname;
    const answer = over(request, path);
    if (answer) return answer;
    if (request.method === 'GET' && path === base) return { body: ep };
    if (request.method === 'GET' && path === `${base}/deliveries`) return list([pending, failed, delivered]);
    return undefined;
  };
}

describe('a webhook endpoint', { timeout: 20_000 }, () => {
  it('shows its facts and its delivery log in Persian, and sends only a delivered or failed message again', async () => {
    const calls = await open(
      'fa',
      server((request, path) => (request.method === 'POST' && path === `${base}/deliveries/${failed.id}/redeliver` ? { body: { ...failed, state: 'pending' } } : null)),
    );
    expect(await screen.findByText(ep.url)).toBeInTheDocument();
    expect(screen.getByText(fa.webhookEvents.call_opened.label, { selector: '.badge' })).toBeInTheDocument();
    const log = await screen.findByRole('region', { name: fa.deliveries.tableLabel });
    const rows = within(log).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getByText(fa.webhookEvents.webhook_ping.label)).toBeInTheDocument();
    expect(within(rows[1]!).getByText(fa.deliveryStates.pending)).toBeInTheDocument();
    expect(within(rows[2]!).getByText('۵۰۳')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('۹')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('HTTP 503 Service Unavailable')).toBeInTheDocument();
    expect(within(rows[3]!).getByText(fa.deliveryStates.delivered)).toBeInTheDocument();
    expect(within(rows[3]!).getByRole('rowheader')).toHaveTextContent(/۱۴۰۵/);
    // A pending message is on its way: no "send again" for it.
    expect(within(rows[1]!).queryByRole('button', { name: /فرستادن دوبارهٔ پیام/ })).toBeNull();
    expect(within(log).getAllByRole('button', { name: /فرستادن دوبارهٔ پیام/ })).toHaveLength(2);
    expect(within(rows[2]!).getByRole('link', { name: `جزئیات پیام ${failed.id}` })).toHaveAttribute('href', `/admin/webhooks/${ep.id}/deliveries/${failed.id}`);

    await userEvent.click(within(rows[2]!).getByRole('button', { name: `فرستادن دوبارهٔ پیام ${failed.id}` }));
    expect(await screen.findByText(`پیام ${failed.id} دوباره در صف است.`)).toBeInTheDocument();
    // The log is read again.
    await waitFor(() => expect(calls.filter((call) => new URL(call.url).pathname === `${base}/deliveries`).length).toBeGreaterThanOrEqual(2));
    const first = calls.find((call) => new URL(call.url).pathname === `${base}/deliveries`)!;
    expect(new URL(first.url).searchParams.toString()).toBe('limit=25&offset=0');
  });

  it('filters the log by state and event, kept in the address', async () => {
    const calls = await open('en', server(), '?state=failed');
    await screen.findByRole('region', { name: en.deliveries.tableLabel });
    const filters = screen.getByRole('search', { name: en.deliveries.filters });
    expect(within(filters).getByLabelText(en.deliveries.state)).toHaveValue('failed');
    await userEvent.selectOptions(within(filters).getByLabelText(en.deliveries.eventType), en.webhookEvents.webhook_ping.label);
    await waitFor(() =>
      expect(calls.some((call) => new URL(call.url).searchParams.toString() === 'limit=25&offset=0&state=failed&eventType=webhook.ping')).toBe(true),
    );
    expect(new URL(calls.find((call) => call.url.includes('/deliveries'))!.url).searchParams.get('state')).toBe('failed');
  });

  it('sends a test message and says where to find it', async () => {
    const calls = await open('en', server((request, path) => (request.method === 'POST' && path === `${base}/ping` ? { status: 202, body: pending } : null)));
    await userEvent.click(await screen.findByRole('button', { name: en.endpoint.ping }));
    expect(await screen.findByText(en.endpoint.pinged)).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((call) => new URL(call.url).pathname === `${base}/deliveries`).length).toBeGreaterThanOrEqual(2));
  });

  it('switches an endpoint off, and a switched-off one on again', async () => {
    let enabled = true;
    const calls = await open(
      'en',
      server((request, path) => {
        if (request.method === 'PATCH' && path === base) {
          enabled = !enabled;
          return { body: { ...ep, enabled, disabledAt: enabled ? null : '2026-12-06T10:00:00Z', disabledBy: enabled ? null : 'admin' } };
        }
        if (request.method === 'GET' && path === base) return { body: { ...ep, enabled } };
        return null;
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: en.endpoint.switchOff }));
    expect(await screen.findByText(en.endpoint.switchedOff)).toBeInTheDocument();
    expect(screen.getByText(en.endpoint.offNote)).toBeInTheDocument();
    const patch = calls.find((call) => call.method === 'PATCH')!;
    expect(await patch.json()).toEqual({ enabled: false });

    await userEvent.click(screen.getByRole('button', { name: en.endpoint.switchOn }));
    expect(await screen.findByText(en.endpoint.switchedOn)).toBeInTheDocument();
    expect(await calls.filter((call) => call.method === 'PATCH')[1]!.json()).toEqual({ enabled: true });
  });

  it('edits the events, scope, address and description', async () => {
    const calls = await open('en', server((request, path) => (request.method === 'PATCH' && path === base ? { body: { ...ep, eventTypes: ['call.opened'], scope: 'staff' } } : null)));
    await userEvent.click(await screen.findByRole('button', { name: en.endpoint.edit }));
    const form = screen.getByRole('form', { name: en.endpoint.editTitle });
    expect(within(form).getByLabelText(new RegExp(`^${en.webhooks.url}`))).toHaveValue(ep.url);
    expect(within(form).getByRole('checkbox', { name: en.webhookEvents.decisions_published.label })).toBeChecked();
    await userEvent.click(within(form).getByRole('checkbox', { name: en.webhookEvents.decisions_published.label }));
    await userEvent.click(within(form).getByRole('radio', { name: en.webhookScopes.staff.label }));
    await userEvent.clear(within(form).getByLabelText(en.webhooks.description));
    await userEvent.click(within(form).getByRole('button', { name: en.endpoint.save }));
    expect(await screen.findByText(en.endpoint.saved)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: en.endpoint.editTitle })).toBeNull();
    expect(await calls.find((call) => call.method === 'PATCH')!.json()).toEqual({ url: ep.url, description: '', eventTypes: ['call.opened'], scope: 'staff' });
  });

  it('rotates the secret after a confirmation and shows the new one once, with the old one’s overlap', async () => {
    const until = '2026-12-07T09:30:00Z';
    const calls = await open(
      'en',
      server((request, path) =>
        request.method === 'POST' && path === `${base}/secret` ? { body: { endpoint: { ...ep, previousSecretExpiresAt: until }, secret: 'whsec_bmV3IHNlY3JldCBmb3IgdGhlIHRlc3Q=' } } : null,
      ),
    );
    await userEvent.click(await screen.findByRole('button', { name: en.endpoint.rotate }));
    expect(screen.getByText(en.endpoint.rotateQuestion)).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: en.endpoint.rotateConfirm }));
    expect(await screen.findByLabelText(`Signing secret of ${ep.url}`)).toHaveValue('whsec_bmV3IHNlY3JldCBmb3IgdGhlIHRlc3Q=');
    expect(screen.getByText(/The previous one keeps signing alongside it until 7 Dec 2026/)).toBeInTheDocument();
    expect(screen.getByText(en.secret.once)).toBeInTheDocument();
  });

  it('deletes an endpoint only after a confirmation, then goes back to the list', async () => {
    const calls = await open('en', server((request, path) => (request.method === 'DELETE' && path === base ? { status: 204 } : null)));
    await userEvent.click(await screen.findByRole('button', { name: en.endpoint.delete }));
    expect(screen.getByText(`Delete the endpoint ${ep.url}? Its delivery log goes with it, and nothing more is sent to it. This cannot be undone.`)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: resources.en.common.actions.cancel }));
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: en.endpoint.delete }));
    await userEvent.click(screen.getByRole('button', { name: en.endpoint.deleteConfirm }));
    expect(await screen.findByTestId('where')).toHaveTextContent('/admin/webhooks');
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
  });

  it('sends every field of the edit form', () => {
    expect(updateBody({ url: 'https://a.example', description: 'x', eventTypes: ['call.closed'], scope: 'public' })).toEqual({
      url: 'https://a.example',
      description: 'x',
      eventTypes: ['call.closed'],
      scope: 'public',
    });
  });
});
