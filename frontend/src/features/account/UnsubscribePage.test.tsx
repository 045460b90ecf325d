import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import { renderWithApp, stubApi } from '@/test/render';
import { UnsubscribePage } from './UnsubscribePage';

const refused = { status: 422, body: { type: 'urn:x', title: 't', status: 422, detail: 'd', code: 'validation_failed', errors: [{ pointer: '/token', code: 'invalid_unsubscribe_token', message: 'm' }] } };
const u = resources.en.account.unsubscribe;

function Address() {
  const { pathname, search, hash } = useLocation();
  return <output data-testid="address">{`${pathname}${search}${hash}`}</output>;
}

const page = (
  <>
    <UnsubscribePage />
    <Address />
  </>
);

describe('unsubscribing from a mail’s link', { timeout: 20_000 }, () => {
  it('says which e-mails stop, stops them only when asked, and leads to the preferences', async () => {
    const calls = stubApi(() => ({ body: { kind: 'draft_reminder' } }));
    await renderWithApp(page, { locale: 'en', path: '/unsubscribe#token=t%2B1' });
    expect(await screen.findByText(resources.en.enums.NoticeKind.draft_reminder)).toBeInTheDocument();
    expect(screen.getByText(u.about, { exact: false })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent(/^\/unsubscribe$/));
    expect(calls.map((call) => call.method)).toEqual(['GET']);
    expect(new URL(calls[0]!.url).searchParams.get('token')).toBe('t+1');

    await userEvent.click(screen.getByRole('button', { name: u.confirm }));
    expect(await screen.findByText(`You will no longer receive e-mails about “${resources.en.enums.NoticeKind.draft_reminder}”.`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: u.preferences })).toHaveAttribute('href', '/profile#notifications');
    expect(calls.map((call) => `${call.method} ${new URL(call.url).pathname}${new URL(call.url).search}`)).toEqual([
      'GET /api/v1/unsubscribe?token=t%2B1',
      'POST /api/v1/unsubscribe?token=t%2B1',
    ]);
  });

  it('says a wrong link plainly', async () => {
    stubApi(() => refused);
    await renderWithApp(page, { locale: 'fa', path: '/unsubscribe?token=wrong' });
    expect(await screen.findByRole('alert')).toHaveTextContent(resources.fa.account.unsubscribe.invalid);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
