import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { ApiKeysPage, issueBody, parseRateLimit } from './ApiKeysPage';
import { apiKey, invalid } from './testData';

const en = resources.en.admin;
const fa = resources.fa.admin;
const page = (items: Schema<'ApiKeyView'>[]) => ({ body: { items, total: items.length, limit: 50, offset: 0 } });
const staffKey = apiKey({
  id: '0190c0de-0000-7000-8000-0000000000k2',
  name: 'اپلیکیشن شهرداری',
  prefix: 'cdk_9f8e7d6c',
  scopes: ['staff_read', 'register_write'],
  rateLimit: 12000,
  lastUsedAt: '2026-12-06T11:00:00Z',
});
const revoked = apiKey({ id: '0190c0de-0000-7000-8000-0000000000k3', name: 'Old portal', prefix: 'cdk_00aa11bb', status: 'revoked', revokedAt: '2026-12-02T08:00:00Z' });
const expired = apiKey({ id: '0190c0de-0000-7000-8000-0000000000k4', name: 'Pilot', prefix: 'cdk_77cc88dd', status: 'expired', expiresAt: '2026-11-01T00:00:00Z' });

describe('the API keys', { timeout: 20_000 }, () => {
  it('lists each key with its prefix, scopes, limit, dates and status, in Persian', async () => {
    const calls = stubApi(() => page([apiKey(), staffKey, revoked, expired]));
    await renderWithApp(<ApiKeysPage />, { locale: 'fa', path: '/admin/api-keys' });
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Open data portal');
    expect(within(rows[1]!).getByText('cdk_ab12cd34…')).toHaveAttribute('dir', 'ltr');
    expect(within(rows[1]!).getByText(fa.apiScopes.public_read.label)).toBeInTheDocument();
    expect(within(rows[1]!).getByText('۶۰۰ در دقیقه')).toBeInTheDocument();
    expect(within(rows[1]!).getByText(fa.apiKeys.neverUsed)).toBeInTheDocument();
    expect(within(rows[1]!).getByText(fa.apiKeyStatus.active)).toBeInTheDocument();
    expect(within(rows[2]!).getByText(fa.apiScopes.staff_read.label)).toBeInTheDocument();
    expect(within(rows[2]!).getByText(fa.apiScopes.register_write.label)).toBeInTheDocument();
    expect(within(rows[2]!).getByText('۱۲٬۰۰۰ در دقیقه')).toBeInTheDocument();
    expect(within(rows[2]!).getAllByRole('cell')[4]).toHaveTextContent(/۱۴۰۵/);
    expect(within(rows[3]!).getByText(fa.apiKeyStatus.revoked)).toBeInTheDocument();
    expect(within(rows[4]!).getByText(fa.apiKeyStatus.expired)).toBeInTheDocument();
    // Only an active key can be revoked.
    expect(screen.getAllByRole('button', { name: /باطل کردن کلید/ })).toHaveLength(2);
    expect(new URL(calls[0]!.url).pathname).toBe('/api/v1/admin/api-keys');
  });

  it('issues a key and shows its token once, with how to send it', async () => {
    let listed: Schema<'ApiKeyView'>[] = [];
    const made = apiKey({ name: 'Open data portal', scopes: ['public_read', 'calls_write'], rateLimit: 1200 });
    const token = 'cdk_ab12cd34_Zm9yIHRoZSB0ZXN0IG9ubHkgYW5kIG5vdGhpbmcgZWxzZQ';
    const calls = stubApi((request) => {
      if (request.method === 'POST') {
        listed = [made];
        return { status: 201, body: { key: made, token } };
      }
      return page(listed);
    });
    await renderWithApp(<ApiKeysPage />, { locale: 'en', path: '/admin/api-keys' });
    expect(await screen.findByText(en.apiKeys.none)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: en.apiKeys.issue }));
    const form = screen.getByRole('form', { name: en.apiKeys.issueTitle });

    await userEvent.click(within(form).getByRole('button', { name: en.apiKeys.submit }));
    expect(await within(form).findByText(en.apiKeys.scopesRequired)).toBeInTheDocument();
    expect(within(form).getByText(resources.en.errors.field.required)).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    await userEvent.type(within(form).getByLabelText(new RegExp(`^${en.apiKeys.name}`)), 'Open data portal');
    const calls_ = within(form).getByRole('checkbox', { name: en.apiScopes.calls_write.label });
    expect(calls_).toHaveAccessibleDescription(`calls_write · ${en.apiScopes.calls_write.hint}`);
    await userEvent.click(calls_);
    await userEvent.click(within(form).getByRole('checkbox', { name: en.apiScopes.public_read.label }));
    await userEvent.type(within(form).getByLabelText(en.apiKeys.expiresAt), '2027-06-30');
    await userEvent.type(within(form).getByLabelText(new RegExp(`^${en.apiKeys.rateLimit.replace(/[()]/g, '\\$&')}`)), '1,200');
    await userEvent.click(within(form).getByRole('button', { name: en.apiKeys.submit }));

    const shown = await screen.findByLabelText('Token of the key Open data portal');
    expect(shown).toHaveValue(token);
    expect(shown).toHaveAttribute('dir', 'ltr');
    expect(screen.getByText(en.apiToken.once)).toBeInTheDocument();
    expect(screen.getByText(`Authorization: Bearer ${token}`)).toHaveAttribute('dir', 'ltr');
    expect(screen.getByRole('button', { name: en.apiToken.copy })).toBeInTheDocument();
    const post = calls.find((call) => call.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/admin/api-keys');
    expect(await post.json()).toEqual({ name: 'Open data portal', scopes: ['public_read', 'calls_write'], expiresAt: '2027-06-30T23:59:59+03:30', rateLimit: 1200 });
    expect(await screen.findByRole('rowheader', { name: 'Open data portal' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: en.apiToken.done }));
    expect(screen.queryByDisplayValue(token)).toBeNull();
  });

  it('shows the server’s refusal of an expiry next to the date', async () => {
    stubApi((request) => (request.method === 'POST' ? invalid([{ pointer: '/expiresAt', code: 'range', message: 'a key must expire in the future and within two years' }]) : page([])));
    await renderWithApp(<ApiKeysPage />, { locale: 'en', path: '/admin/api-keys' });
    await userEvent.click(await screen.findByRole('button', { name: en.apiKeys.issue }));
    const form = screen.getByRole('form', { name: en.apiKeys.issueTitle });
    await userEvent.type(within(form).getByLabelText(new RegExp(`^${en.apiKeys.name}`)), 'Far');
    await userEvent.click(within(form).getByRole('checkbox', { name: en.apiScopes.public_read.label }));
    await userEvent.type(within(form).getByLabelText(en.apiKeys.expiresAt), '2031-01-01');
    await userEvent.click(within(form).getByRole('button', { name: en.apiKeys.submit }));
    expect(await within(form).findByText(en.apiKeys.expiresRange)).toBeInTheDocument();
  });

  it('revokes a key only after a confirmation', async () => {
    let status: Schema<'ApiKeyView'>['status'] = 'active';
    const calls = stubApi((request) => {
      if (request.method === 'POST') {
        status = 'revoked';
        return { body: { ...apiKey(), status, revokedAt: '2026-12-06T12:00:00Z' } };
      }
      return page([{ ...apiKey(), status }]);
    });
    await renderWithApp(<ApiKeysPage />, { locale: 'en', path: '/admin/api-keys' });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke the key Open data portal' }));
    expect(screen.getByText('Revoke the key Open data portal? Every request with it is refused from now on. This cannot be undone.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: en.apiKeys.revokeConfirm }));
    expect(await screen.findByText('The key Open data portal is revoked.')).toBeInTheDocument();
    expect(new URL(calls.find((call) => call.method === 'POST')!.url).pathname).toBe(`/api/v1/admin/api-keys/${apiKey().id}/revoke`);
    await waitFor(() => expect(screen.getByText(en.apiKeyStatus.revoked)).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Revoke the key Open data portal' })).toBeNull();
  });

  it('reads a rate limit in any digits, and builds the body with only what was given', () => {
    expect(parseRateLimit('۱۲۰۰')).toBe(1200);
    expect(parseRateLimit(' 100,000 ')).toBe(100_000);
    expect(parseRateLimit('100001')).toBeNull();
    expect(parseRateLimit('0')).toBeNull();
    expect(parseRateLimit('1.5')).toBeNull();
    expect(issueBody({ name: ' Portal ', scopes: ['calls_write', 'public_read'], expiresOn: '', rateLimit: '' })).toEqual({ name: 'Portal', scopes: ['public_read', 'calls_write'] });
  });
});
