import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import { readSession, storeTokens } from '@/lib/auth/session';
import { renderWithApp, stubApi } from '@/test/render';
import { SessionsCard } from './SessionsCard';

const en = resources.en.account.sessions;
const fa = resources.fa.account.sessions;
const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const sessions = [
  { id: 's1', startedAt: '2026-12-06T08:00:00Z', lastRefreshedAt: '2026-12-06T10:00:00Z', client: chrome, address: '10.0.0.7', current: true },
  { id: 's2', startedAt: '2026-11-20T08:00:00Z', lastRefreshedAt: null, client: firefox, address: '2001:db8::1', current: false },
  { id: 's3', startedAt: '2026-11-21T08:00:00Z', lastRefreshedAt: null, client: null, address: null, current: false },
];
const page = (items = sessions) => ({ body: { items, total: items.length, limit: 10, offset: 0 } });

function Address() {
  return <output data-testid="address">{useLocation().pathname}</output>;
}

function signedIn() {
  storeTokens({
    accessToken: 'a',
    refreshToken: 'r',
    tokenType: 'Bearer',
    expiresIn: 900,
    enrolOnly: false,
    user: { id: 'u', email: 'm@example.org', displayName: 'M', roles: [], active: true, locale: 'en', createdAt: '', updatedAt: '', secondFactorEnabled: false, emailVerified: true },
  });
}

describe('the sessions on the profile', { timeout: 20_000 }, () => {
  it('lists each with its client in short, its days in Jalali, its address and this device marked', async () => {
    stubApi((request) => (request.method === 'GET' ? page() : undefined));
    await renderWithApp(<SessionsCard />, { locale: 'fa' });
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(4);
    const mine = rows[1]!;
    expect(within(mine).getByRole('rowheader')).toHaveTextContent(`Chrome 156 · Linux ${fa.thisDevice}`);
    expect(within(mine).getAllByRole('cell')[0]).toHaveTextContent(/۱۴۰۵/);
    expect(within(mine).getByText('10.0.0.7')).toBeInTheDocument();
    expect(within(rows[2]!).getByRole('rowheader')).toHaveTextContent('Firefox 133 · Windows');
    expect(within(rows[2]!).queryByText(fa.thisDevice)).toBeNull();
    expect(within(rows[3]!).getByRole('rowheader')).toHaveTextContent(fa.unknownClient);
  });

  it('ends another session, and all the others', async () => {
    signedIn();
    const calls = stubApi((request) => (request.method === 'GET' ? page() : { status: 204 }));
    await renderWithApp(<SessionsCard />, { locale: 'en' });
    await userEvent.click(await screen.findByRole('button', { name: 'End the session of Firefox 133 · Windows' }));
    expect(await screen.findByText(en.ended)).toBeInTheDocument();
    const ended = calls.find((call) => call.method === 'DELETE');
    expect(new URL(ended!.url).pathname).toBe('/api/v1/me/sessions/s2');
    await userEvent.click(screen.getByRole('button', { name: en.endOthers }));
    expect(await screen.findByText(en.othersEnded)).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => new URL(call.url).pathname)).toEqual(['/api/v1/me/sessions/s2', '/api/v1/me/sessions']);
    expect(readSession()).not.toBeNull();
  });

  it('ending this one signs out here too', async () => {
    signedIn();
    const calls = stubApi((request) => (request.method === 'GET' ? page() : { status: 204 }));
    await renderWithApp(
      <>
        <SessionsCard />
        <Address />
      </>,
      { locale: 'en', path: '/profile' },
    );
    await userEvent.click(await screen.findByRole('button', { name: en.endThis }));
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent('/login'));
    expect(readSession()).toBeNull();
    expect(calls.map((call) => `${call.method} ${new URL(call.url).pathname}`)).toContain('DELETE /api/v1/me/sessions/s1');
  });
});
