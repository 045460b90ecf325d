import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import { renderWithApp, stubApi } from '@/test/render';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { LoginPage } from './LoginPage';

const problem = (status: number, code: string) => ({ status, body: { type: `urn:citizen-diplomat:problem:${code}`, title: code, status, detail: code, code } });
const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '');

async function ask(locale: 'fa' | 'en', email: string) {
  const a = resources[locale].account;
  await userEvent.type(screen.getByLabelText(new RegExp(`^${a.fields.email}`)), email);
  await userEvent.click(screen.getByRole('button', { name: a.forgot.submit }));
}

describe('a forgotten password', { timeout: 20_000 }, () => {
  it('is reached from the sign-in page', async () => {
    await renderWithApp(<LoginPage />, { locale: 'fa' });
    expect(screen.getByRole('link', { name: resources.fa.account.login.forgot })).toHaveAttribute('href', '/forgot-password');
  });

  it('asks for a link and says the same whatever the server knows', async () => {
    const calls = stubApi((request) => (request.url.endsWith('/api/v1/auth/password-reset') ? { status: 202 } : undefined));
    await renderWithApp(<ForgotPasswordPage />, { locale: 'en' });
    await ask('en', ' sara@example.org ');
    const said = await screen.findByRole('status');
    expect(plain(said.textContent)).toContain('If an account uses the address sara@example.org, a link to choose a new password is on its way. It works for one hour.');
    expect(await calls[0]?.json()).toEqual({ email: 'sara@example.org' });
    expect(calls[0]?.headers.get('Authorization')).toBeNull();
  });

  it('says how long to wait when asked too often', async () => {
    stubApi(() => ({ ...problem(429, 'too_many_attempts'), headers: { 'Retry-After': '600' } }));
    await renderWithApp(<ForgotPasswordPage />, { locale: 'fa' });
    await ask('fa', 'sara@example.org');
    expect(await screen.findByRole('alert')).toHaveTextContent(`${resources.fa.account.forgot.tooMany} ۱۰ دقیقهٔ دیگر دوباره بکوشید.`);
    await waitFor(() => expect(screen.getByRole('button', { name: resources.fa.account.forgot.submit })).toBeEnabled());
  });
});
