import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithApp, stubApi } from '@/test/render';
import { SetPasswordPage, tokenOf } from './SetPasswordPage';

/** The router's address as the page left it. */
function Address() {
  const { pathname, search, hash } = useLocation();
  return <output data-testid="address">{`${pathname}${search}${hash}`}</output>;
}

const page = (
  <>
    <SetPasswordPage />
    <Address />
  </>
);

async function choose(password: string) {
  await userEvent.type(screen.getByLabelText(/^New password/), password);
  await userEvent.type(screen.getByLabelText(/^Repeat the password/), password);
  await userEvent.click(screen.getByRole('button', { name: 'Set the password' }));
}

describe('the set-password page', () => {
  it('reads the token from the fragment, takes it out of the address, and sends it in the body', async () => {
    const calls = stubApi((request) => (request.url.endsWith('/api/v1/auth/set-password') ? { status: 204 } : undefined));
    await renderWithApp(page, { locale: 'en', path: '/set-password#token=one%2Btime' });
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent(/^\/set-password$/));
    await choose('demo-password-1405');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(await calls[0]?.json()).toEqual({ token: 'one+time', password: 'demo-password-1405' });
    expect(calls[0]?.url).not.toContain('one');
  });

  it('still takes a link of the old form (?token=) and takes it out of the address too', async () => {
    const calls = stubApi((request) => (request.url.endsWith('/api/v1/auth/set-password') ? { status: 204 } : undefined));
    await renderWithApp(page, { locale: 'en', path: '/set-password?token=old-form' });
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent(/^\/set-password$/));
    await choose('demo-password-1405');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(await calls[0]?.json()).toEqual({ token: 'old-form', password: 'demo-password-1405' });
  });

  it('says the link is incomplete without a token', async () => {
    await renderWithApp(page, { locale: 'fa', path: '/set-password' });
    expect(screen.getByRole('alert')).toHaveTextContent('این پیوند کامل نیست.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('reads the fragment first, whatever else the address carries', () => {
    expect(tokenOf({ hash: '#token=a', search: '?token=b' })).toBe('a');
    expect(tokenOf({ hash: '', search: '?token=b' })).toBe('b');
    expect(tokenOf({ hash: '#other=1', search: '' })).toBe('');
  });
});
