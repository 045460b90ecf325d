import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { endpoint, invalid } from './testData';
import { createBody, WebhooksPage } from './WebhooksPage';

const off = endpoint({
  id: '0190c0de-0000-7000-8000-0000000000e2',
  url: 'https://gone.example.net/webhook',
  description: '',
  eventTypes: ['idea.submitted'],
  scope: 'staff',
  enabled: false,
  disabledAt: '2026-12-05T10:00:00Z',
  disabledBy: 'platform',
  failingSince: '2026-12-04T09:00:00Z',
  consecutiveFailures: 23,
});
const page = (items: Schema<'WebhookEndpointView'>[]) => ({ items, total: items.length, limit: 50, offset: 0 });
const en = resources.en.admin;
const fa = resources.fa.admin;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the webhook endpoints', { timeout: 20_000 }, () => {
  it('lists each endpoint with its scope, events and health, in Persian with Persian digits and days', async () => {
    const calls = stubApi(() => ({ body: page([endpoint(), off]) }));
    await renderWithApp(<WebhooksPage />, { locale: 'fa', path: '/admin/webhooks' });
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(3);
    const [first, second] = [rows[1]!, rows[2]!];
    expect(within(first).getByRole('rowheader')).toHaveTextContent('https://portal.example.org/hooks/citizen-diplomat');
    expect(within(first).getByRole('link', { name: 'https://portal.example.org/hooks/citizen-diplomat' })).toHaveAttribute('href', `/admin/webhooks/${endpoint().id}`);
    expect(within(first).getByText(fa.webhookScopes.public.label)).toBeInTheDocument();
    expect(within(first).getByText(fa.webhookEvents.call_opened.label)).toBeInTheDocument();
    expect(within(first).getByText(fa.webhookEvents.decisions_published.label)).toBeInTheDocument();
    expect(within(first).getByText(fa.webhooks.enabled)).toBeInTheDocument();

    expect(within(second).getByText(fa.webhookScopes.staff.label)).toBeInTheDocument();
    expect(within(second).getByText(fa.webhooks.disabled)).toBeInTheDocument();
    expect(within(second).getByText(new RegExp(fa.webhooks.disabledByPlatform))).toBeInTheDocument();
    expect(within(second).getByText('۲۳ شکست پیاپی')).toBeInTheDocument();
    expect(within(second).getAllByRole('cell')[2]).toHaveTextContent(/ناموفق از: .*۱۴۰۵/);
    expect(within(second).getByRole('link', { name: 'مدیریت مقصد https://gone.example.net/webhook' })).toBeInTheDocument();
    expect(new URL(calls[0]!.url).pathname).toBe('/api/v1/admin/webhooks');
    expect(new URL(calls[0]!.url).searchParams.toString()).toBe('limit=50&offset=0');
  });

  it('registers an endpoint and shows its secret once, with a warning and a copy button', async () => {
    let listed: Schema<'WebhookEndpointView'>[] = [];
    const made = endpoint({ url: 'https://hooks.example.com/in', eventTypes: ['idea.submitted', 'call.closed'], scope: 'staff', description: 'Mobile app' });
    const calls = stubApi((request) => {
      if (request.method === 'POST') {
        listed = [made];
        return { status: 201, body: { endpoint: made, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } };
      }
      return { body: page(listed) };
    });
    await renderWithApp(<WebhooksPage />, { locale: 'en', path: '/admin/webhooks' });
    expect(await screen.findByText(en.webhooks.none)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: en.webhooks.register }));
    const form = screen.getByRole('form', { name: en.webhooks.registerTitle });

    // Nothing is sent without an address and an event.
    await userEvent.click(within(form).getByRole('button', { name: en.webhooks.submit }));
    expect(await within(form).findByText(en.webhooks.eventTypesRequired)).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    await userEvent.type(within(form).getByLabelText(new RegExp(`^${en.webhooks.url}`)), 'https://hooks.example.com/in');
    await userEvent.type(within(form).getByLabelText(en.webhooks.description), '  Mobile app ');
    // Each event has its own explanation, tied to its checkbox; the test message is not one to choose.
    const submitted = within(form).getByRole('checkbox', { name: en.webhookEvents.idea_submitted.label });
    expect(submitted).toHaveAccessibleDescription(`idea.submitted · ${en.webhookEvents.idea_submitted.hint}`);
    await userEvent.click(submitted);
    await userEvent.click(within(form).getByRole('checkbox', { name: en.webhookEvents.call_closed.label }));
    expect(within(form).queryByRole('checkbox', { name: en.webhookEvents.webhook_ping.label })).toBeNull();
    expect(within(form).getByRole('radio', { name: en.webhookScopes.public.label })).toBeChecked();
    expect(within(form).getByRole('radio', { name: en.webhookScopes.staff.label })).toHaveAccessibleDescription(en.webhookScopes.staff.hint);
    await userEvent.click(within(form).getByRole('radio', { name: en.webhookScopes.staff.label }));
    await userEvent.click(within(form).getByRole('button', { name: en.webhooks.submit }));

    const secret = await screen.findByLabelText('Signing secret of https://hooks.example.com/in');
    expect(secret).toHaveValue('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(secret).toHaveAttribute('dir', 'ltr');
    expect(secret).toHaveAttribute('readonly');
    expect(screen.getByText(en.secret.once)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: en.secret.copy })).toBeInTheDocument();
    const post = calls.find((call) => call.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/admin/webhooks');
    expect(await post.json()).toEqual({ url: 'https://hooks.example.com/in', description: 'Mobile app', eventTypes: ['idea.submitted', 'call.closed'], scope: 'staff' });
    expect(screen.queryByRole('form', { name: en.webhooks.registerTitle })).toBeNull();
    // The list is read again and holds the new endpoint.
    expect(await screen.findByRole('rowheader', { name: /hooks\.example\.com/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: en.secret.done }));
    expect(screen.queryByLabelText('Signing secret of https://hooks.example.com/in')).toBeNull();
    expect(screen.queryByDisplayValue('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBeNull();
  });

  it('shows a refused address next to the URL field', async () => {
    stubApi((request) =>
      request.method === 'POST' ? invalid([{ pointer: '/url', code: 'unsafe_target', message: '10.0.0.5 is a private address, which webhooks may not reach' }]) : { body: page([]) },
    );
    await renderWithApp(<WebhooksPage />, { locale: 'fa', path: '/admin/webhooks' });
    await userEvent.click(await screen.findByRole('button', { name: fa.webhooks.register }));
    const form = screen.getByRole('form', { name: fa.webhooks.registerTitle });
    const url = within(form).getByLabelText(new RegExp(`^${escape(fa.webhooks.url)}`));
    await userEvent.type(url, 'https://10.0.0.5/hook');
    await userEvent.click(within(form).getByRole('checkbox', { name: fa.webhookEvents.call_opened.label }));
    await userEvent.click(within(form).getByRole('button', { name: fa.webhooks.submit }));
    expect(await within(form).findByText(resources.fa.errors.field.unsafe_target)).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('alert')).toHaveTextContent(resources.fa.errors.validation_failed);
  });

  it('builds the body with a description only when one is written', () => {
    expect(createBody({ url: 'https://a.example', description: '', eventTypes: ['call.opened'], scope: 'public' })).toEqual({
      url: 'https://a.example',
      eventTypes: ['call.opened'],
      scope: 'public',
    });
  });
});
