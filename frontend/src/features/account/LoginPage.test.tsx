import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema, UserView } from '@/lib/api/types';
import { readSession } from '@/lib/auth/session';
import { renderWithApp, stubApi } from '@/test/render';
import { LoginPage } from './LoginPage';

const user: UserView = {
  id: '0190c0de-0000-7000-8000-000000000001',
  email: 'maryam@example.org',
  displayName: 'مریم رضایی',
  roles: ['staff'],
  active: true,
  locale: 'fa',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  secondFactorEnabled: true, emailVerified: true,
};
const tokens = (enrolOnly = false): Schema<'TokenView'> => ({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, enrolOnly, user });
const challenge = { challenge: 'challenge-1', expiresIn: 300 };
const problem = (status: number, code: string) => ({ status, body: { type: `urn:citizen-diplomat:problem:${code}`, title: code, status, detail: code, code } });

function Address() {
  const { pathname, search } = useLocation();
  return <output data-testid="address">{`${pathname}${search}`}</output>;
}

const page = (
  <>
    <LoginPage />
    <Address />
  </>
);
const en = resources.en.account;

async function password(locale: 'fa' | 'en' = 'en') {
  const a = resources[locale].account;
  await userEvent.type(screen.getByLabelText(new RegExp(`^${a.fields.email}`)), 'maryam@example.org');
  await userEvent.type(screen.getByLabelText(new RegExp(`^${a.fields.password}`)), 'quiet-lantern-1405');
  await userEvent.click(screen.getByRole('button', { name: a.login.submit }));
}

describe('signing in with a second factor', { timeout: 20_000 }, () => {
  it('asks for the code after the password and finishes with it', async () => {
    const calls = stubApi((request) => {
      if (request.url.endsWith('/api/v1/auth/login')) return { body: challenge };
      if (request.url.endsWith('/api/v1/auth/login/second-factor')) return { body: tokens() };
      return undefined;
    });
    await renderWithApp(page, { locale: 'en', path: '/login?next=%2Fstaff%2Fcalls' });
    await password();
    const code = await screen.findByLabelText(new RegExp(`^${en.secondStep.code}`));
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(readSession()).toBeNull();
    await userEvent.type(code, '123 456');
    await userEvent.click(screen.getByRole('button', { name: en.secondStep.submit }));
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent('/staff/calls'));
    expect(await calls[1]?.json()).toEqual({ challenge: 'challenge-1', code: '123456' });
    expect(readSession()?.accessToken).toBe('a');
  });

  it('takes the code in Persian digits and says a wrong code in place', async () => {
    const calls = stubApi((request) => (request.url.endsWith('/api/v1/auth/login') ? { body: challenge } : problem(401, 'invalid_code')));
    await renderWithApp(page, { locale: 'fa' });
    await password('fa');
    const fa = resources.fa.account;
    await userEvent.type(await screen.findByLabelText(new RegExp(`^${fa.secondStep.code}`)), '۱۲۳۴۵۶');
    await userEvent.click(screen.getByRole('button', { name: fa.secondStep.submit }));
    expect(await screen.findByText(fa.secondStep.wrongCode)).toBeInTheDocument();
    expect(await calls[1]?.json()).toEqual({ challenge: 'challenge-1', code: '123456' });
    expect(screen.getByLabelText(new RegExp(`^${fa.secondStep.code}`))).toHaveValue('');
  });

  it('checks the six digits before asking the server', async () => {
    const calls = stubApi((request) => (request.url.endsWith('/api/v1/auth/login') ? { body: challenge } : undefined));
    await renderWithApp(page, { locale: 'en' });
    await password();
    await userEvent.type(await screen.findByLabelText(new RegExp(`^${en.secondStep.code}`)), '12345');
    await userEvent.click(screen.getByRole('button', { name: en.secondStep.submit }));
    expect(await screen.findByText(en.secondStep.sixDigits)).toBeInTheDocument();
    expect(calls).toHaveLength(1);
  });

  it('switches to a recovery code', async () => {
    const calls = stubApi((request) => (request.url.endsWith('/api/v1/auth/login') ? { body: challenge } : { body: tokens() }));
    await renderWithApp(page, { locale: 'en' });
    await password();
    await userEvent.click(await screen.findByRole('button', { name: en.secondStep.useRecovery }));
    const code = screen.getByLabelText(new RegExp(`^${en.secondStep.recoveryCode}`));
    expect(code).toHaveFocus();
    await userEvent.type(code, ' K7M2-Q9XD-4H ');
    await userEvent.click(screen.getByRole('button', { name: en.secondStep.submit }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(await calls[1]?.json()).toEqual({ challenge: 'challenge-1', code: 'k7m2-q9xd-4h' });
  });

  it('goes back to the password with a word when the challenge has expired', async () => {
    stubApi((request) => (request.url.endsWith('/api/v1/auth/login') ? { body: challenge } : problem(401, 'invalid_challenge')));
    await renderWithApp(page, { locale: 'en' });
    await password();
    await userEvent.type(await screen.findByLabelText(new RegExp(`^${en.secondStep.code}`)), '123456');
    await userEvent.click(screen.getByRole('button', { name: en.secondStep.submit }));
    expect(await screen.findByText(en.login.challengeExpired)).toHaveAttribute('role', 'status');
    expect(screen.getByRole('button', { name: en.login.submit })).toBeInTheDocument();
    expect(screen.queryByLabelText(new RegExp(`^${en.secondStep.code}`))).toBeNull();
  });

  it('goes back without asking when the challenge ran out while the page waited', async () => {
    const calls = stubApi((request) => (request.url.endsWith('/api/v1/auth/login') ? { body: { challenge: 'c', expiresIn: -1 } } : undefined));
    await renderWithApp(page, { locale: 'en' });
    await password();
    await userEvent.type(await screen.findByLabelText(new RegExp(`^${en.secondStep.code}`)), '123456');
    await userEvent.click(screen.getByRole('button', { name: en.secondStep.submit }));
    expect(await screen.findByText(en.login.challengeExpired)).toBeInTheDocument();
    expect(calls).toHaveLength(1);
  });

  it('says how long to wait after too many attempts', async () => {
    stubApi((request) =>
      request.url.endsWith('/api/v1/auth/login') ? { body: challenge } : { ...problem(429, 'too_many_attempts'), headers: { 'Retry-After': '120' } },
    );
    await renderWithApp(page, { locale: 'fa' });
    await password('fa');
    const fa = resources.fa.account;
    await userEvent.type(await screen.findByLabelText(new RegExp(`^${fa.secondStep.code}`)), '123456');
    await userEvent.click(screen.getByRole('button', { name: fa.secondStep.submit }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`${resources.fa.errors.too_many_attempts} ۲ دقیقهٔ دیگر دوباره بکوشید.`);
  });

  it('sends an enrol-only session to the enrolment page, keeping where it was going', async () => {
    stubApi(() => ({ body: tokens(true) }));
    await renderWithApp(page, { locale: 'en', path: '/login?next=%2Fadmin%2Fusers' });
    await password();
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent('/second-factor?next=%2Fadmin%2Fusers'));
    expect(readSession()?.enrolOnly).toBe(true);
  });
});
