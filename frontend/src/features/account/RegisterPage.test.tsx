import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSession } from '@/lib/auth/session';
import { renderWithApp, stubApi } from '@/test/render';
import { RegisterPage } from './RegisterPage';

const problem = (status: number, code: string, errors?: { pointer: string; code: string; message: string }[]) => ({
  status,
  body: { type: `urn:citizen-diplomat:problem:${code}`, title: code, status, detail: code, code, errors },
});

async function fillIn(password = 'a-long-password') {
  await userEvent.type(screen.getByLabelText(/نام نمایشی/), 'سارا احمدی');
  await userEvent.type(screen.getByLabelText(/رایانامه/), 'sara@example.org');
  await userEvent.type(screen.getByLabelText(/^گذرواژه/), password);
}

describe('the register form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows email_taken next to the e-mail, not only above the form', async () => {
    stubApi((request) => (request.url.endsWith('/api/v1/auth/register') ? problem(409, 'email_taken') : undefined));
    await renderWithApp(<RegisterPage />, { locale: 'fa' });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'ساختن حساب' }));
    const email = screen.getByLabelText(/رایانامه/);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('با این رایانامه پیش‌تر حسابی ساخته شده است. وارد شوید.');
    expect(readSession()).toBeNull();
  });

  it("puts a 422's field errors in place, in the reader's language", async () => {
    stubApi((request) =>
      request.url.endsWith('/api/v1/auth/register')
        ? problem(422, 'validation_failed', [
            { pointer: '/email', code: 'invalid_email', message: 'not a valid e-mail address' },
            { pointer: '/password', code: 'too_short', message: 'the password must have at least 12 characters' },
          ])
        : undefined,
    );
    await renderWithApp(<RegisterPage />, { locale: 'en' });
    await userEvent.type(screen.getByLabelText(/Display name/), 'Sara');
    await userEvent.type(screen.getByLabelText(/E-mail/), 'sara@example');
    await userEvent.type(screen.getByLabelText(/^Password/), 'twelve chars');
    await userEvent.click(screen.getByRole('button', { name: 'Create the account' }));
    await waitFor(() => expect(screen.getByLabelText(/E-mail/)).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText(/E-mail/)).toHaveAccessibleDescription('This e-mail address is not valid.');
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription(/At least 12 characters; .* The password needs at least 12 characters\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields are missing or invalid.');
  });

  it('refuses a password under 12 characters without asking the server', async () => {
    const calls = stubApi(() => undefined);
    await renderWithApp(<RegisterPage />, { locale: 'fa' });
    await fillIn('کوتاه۱۲۳۴۵۶');
    await userEvent.click(screen.getByRole('button', { name: 'ساختن حساب' }));
    expect(await screen.findByText('گذرواژه دست‌کم ۱۲ نویسه باشد.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^گذرواژه/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(0);
  });

  it('refuses a password over 128 characters without asking the server', async () => {
    const calls = stubApi(() => undefined);
    await renderWithApp(<RegisterPage />, { locale: 'en' });
    await userEvent.type(screen.getByLabelText(/Display name/), 'Sara');
    await userEvent.type(screen.getByLabelText(/E-mail/), 'sara@example.org');
    await userEvent.click(screen.getByLabelText(/^Password/));
    await userEvent.paste('a'.repeat(129));
    await userEvent.click(screen.getByRole('button', { name: 'Create the account' }));
    expect(await screen.findByText('The password may have at most 128 characters.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['fa', 'too_common', 'این گذرواژه از رایج‌ترین گذرواژه‌هاست؛ گذرواژهٔ دیگری برگزینید.'],
    ['fa', 'contains_personal_data', 'گذرواژه نباید از نشانی رایانامه یا نام شما ساخته شده باشد.'],
    ['en', 'too_common', 'This password is among the most common ones; choose another.'],
    ['en', 'contains_personal_data', 'The password must not be made from your e-mail address or name.'],
  ] as const)('says in %s why the server refused the password: %s', async (locale, code, words) => {
    stubApi((request) =>
      request.url.endsWith('/api/v1/auth/register')
        ? problem(422, 'validation_failed', [{ pointer: '/password', code, message: 'the server says no' }])
        : undefined,
    );
    await renderWithApp(<RegisterPage />, { locale });
    const submit = locale === 'fa' ? 'ساختن حساب' : 'Create the account';
    const password = () => screen.getByLabelText(locale === 'fa' ? /^گذرواژه/ : /^Password/);
    await userEvent.type(screen.getByLabelText(locale === 'fa' ? /نام نمایشی/ : /Display name/), 'Sara');
    await userEvent.type(screen.getByLabelText(locale === 'fa' ? /رایانامه/ : /E-mail/), 'sara@example.org');
    await userEvent.type(password(), 'sara@example.org1');
    await userEvent.click(screen.getByRole('button', { name: submit }));
    await waitFor(() => expect(password()).toHaveAttribute('aria-invalid', 'true'));
    expect(password()).toHaveAccessibleDescription(expect.stringContaining(words));
  });

  it("speaks of a password's length only on the password field", async () => {
    stubApi((request) =>
      request.url.endsWith('/api/v1/auth/register')
        ? problem(422, 'validation_failed', [
            { pointer: '/displayName', code: 'too_long', message: 'too long' },
            { pointer: '/password', code: 'too_long', message: 'too long' },
          ])
        : undefined,
    );
    await renderWithApp(<RegisterPage />, { locale: 'fa' });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'ساختن حساب' }));
    await waitFor(() => expect(screen.getByLabelText(/^گذرواژه/)).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText(/^گذرواژه/)).toHaveAccessibleDescription(/گذرواژه بیش از ۱۲۸ نویسه نباشد\.$/);
    expect(screen.getByLabelText(/نام نمایشی/)).toHaveAccessibleDescription(/این متن بلند است\.$/);
  });

  it('signs in on success, with the chosen language', async () => {
    const calls = stubApi((request) =>
      request.url.endsWith('/api/v1/auth/register')
        ? {
            status: 201,
            body: {
              accessToken: 'a',
              refreshToken: 'r',
              tokenType: 'Bearer',
              expiresIn: 900,
              user: { id: 'u', email: 'sara@example.org', displayName: 'سارا احمدی', roles: [], active: true, locale: 'fa', createdAt: '', updatedAt: '' },
            },
          }
        : undefined,
    );
    await renderWithApp(<RegisterPage />, { locale: 'fa' });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'ساختن حساب' }));
    await waitFor(() => expect(readSession()?.user.email).toBe('sara@example.org'));
    expect(await calls[0]?.json()).toEqual({ displayName: 'سارا احمدی', email: 'sara@example.org', password: 'a-long-password', locale: 'fa' });
  });
});
