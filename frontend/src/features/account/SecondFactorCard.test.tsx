import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { resources } from '@/app/resources';
import { readSession, storeTokens } from '@/lib/auth/session';
import { renderWithApp, stubApi } from '@/test/render';
import { SecondFactorCard } from './SecondFactorCard';

const en = resources.en.account;
const fa = resources.fa.account;
const off = { enabled: false, enabledAt: null, recoveryCodesLeft: 0, required: true };
const on = { enabled: true, enabledAt: '2026-12-06T09:30:00Z', recoveryCodesLeft: 2, required: false };
const enrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  otpauthUri: 'otpauth://totp/Citizen%20Diplomat:maryam%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Citizen%20Diplomat',
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
};
const codes = ['k7m2-q9xd-4h', 'p3n8-w2cz-7t', 'a9b8-c7d6-5e'];
const problem = (status: number, code: string, errors?: unknown[]) => ({
  status,
  body: { type: `urn:citizen-diplomat:problem:${code}`, title: code, status, detail: code, code, ...(errors ? { errors } : {}) },
});
const label = (text: string) => new RegExp(`^${text}`);

describe('the second factor on the profile', { timeout: 20_000 }, () => {
  it('sets one up: a QR code drawn here, the key grouped by four, a first code, then the recovery codes once', async () => {
    storeTokens({
      accessToken: 'a',
      refreshToken: 'r',
      tokenType: 'Bearer',
      expiresIn: 900,
      enrolOnly: true,
      user: { id: 'u', email: 'm@example.org', displayName: 'M', roles: ['staff'], active: true, locale: 'en', createdAt: '', updatedAt: '', secondFactorEnabled: false, emailVerified: true },
    });
    let enabled = false;
    const calls = stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/me/second-factor' && request.method === 'GET') return { body: enabled ? on : off };
      if (path === '/api/v1/me/second-factor' && request.method === 'POST') return { status: 201, body: enrolment };
      if (path === '/api/v1/me/second-factor/confirm') {
        enabled = true;
        return { body: { recoveryCodes: codes } };
      }
      return undefined;
    });
    const onSaved = vi.fn();
    // jsdom has no object URLs: catch the file handed to the browser.
    const created = vi.fn<(blob: Blob) => string>(() => 'blob:codes');
    const saved = Object.getOwnPropertyDescriptors(URL);
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: created });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: () => undefined });
    onTestFinished(() => {
      for (const name of ['createObjectURL', 'revokeObjectURL'] as const) {
        const descriptor = saved[name];
        if (descriptor) Object.defineProperty(URL, name, descriptor);
        else Reflect.deleteProperty(URL, name);
      }
    });
    await renderWithApp(<SecondFactorCard onSaved={onSaved} />, { locale: 'en' });
    expect(await screen.findByText(en.secondFactor.required)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: en.secondFactor.setUp }));

    const picture = await screen.findByRole('img', { name: en.secondFactor.qrLabel });
    expect(picture.tagName.toLowerCase()).toBe('svg');
    expect(picture.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(screen.getByLabelText(en.secondFactor.key)).toHaveValue('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    expect(screen.getByText('Time-based, SHA1, 6 digits, every 30 seconds')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(label(en.secondFactor.code)), '654321');
    await userEvent.click(screen.getByRole('button', { name: en.secondFactor.confirm }));
    const list = await screen.findByRole('list', { name: en.recoveryCodes.listLabel });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(codes);
    expect(await calls.find((call) => call.url.endsWith('/confirm'))?.json()).toEqual({ code: '654321' });
    // The session may do more than enrol now.
    expect(readSession()?.enrolOnly).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: en.recoveryCodes.download }));
    expect(created).toHaveBeenCalledTimes(1);
    const file = created.mock.calls[0]![0];
    expect(await file.text()).toBe(`${en.recoveryCodes.fileHeading}\n\n${codes.join('\n')}\n`);

    await userEvent.click(screen.getByRole('button', { name: en.recoveryCodes.saved }));
    expect(screen.queryByRole('list', { name: en.recoveryCodes.listLabel })).toBeNull();
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(en.secondFactor.on)).toBeInTheDocument();
  });

  it('shows a wrong first code at the field', async () => {
    stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/me/second-factor') return request.method === 'GET' ? { body: off } : { status: 201, body: enrolment };
      return problem(422, 'validation_failed', [{ pointer: '/code', code: 'wrong_code', message: 'the code is wrong' }]);
    });
    await renderWithApp(<SecondFactorCard />, { locale: 'fa' });
    await userEvent.click(await screen.findByRole('button', { name: fa.secondFactor.setUp }));
    await userEvent.type(await screen.findByLabelText(label(fa.secondFactor.code)), '۱۱۱۱۱۱');
    await userEvent.click(screen.getByRole('button', { name: fa.secondFactor.confirm }));
    expect(await screen.findByText(fa.fieldErrors.wrong_code)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('when on: its date, the codes left with a warning, new codes, and turning it off with password and code', async () => {
    let enabled = true;
    const calls = stubApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/me/second-factor') return { body: enabled ? on : { ...off, required: false } };
      if (path === '/api/v1/me/second-factor/recovery-codes') return { body: { recoveryCodes: codes } };
      if (path === '/api/v1/me/second-factor/disable') {
        return calls.filter((call) => call.url.endsWith('/disable')).length === 1
          ? problem(422, 'validation_failed', [{ pointer: '/password', code: 'wrong_password', message: 'wrong' }])
          : ((enabled = false), { status: 204 });
      }
      return undefined;
    });
    await renderWithApp(<SecondFactorCard />, { locale: 'en' });
    expect(await screen.findByText(en.secondFactor.fewCodesLeft)).toBeInTheDocument();
    expect(screen.getByText('2')).toBeInTheDocument();

    const renew = screen.getByRole('form', { name: en.secondFactor.renewTitle });
    await userEvent.type(within(renew).getByLabelText(label(en.secondFactor.code)), 'P3N8-W2CZ-7T');
    await userEvent.click(within(renew).getByRole('button', { name: en.secondFactor.renew }));
    expect(await screen.findByRole('list', { name: en.recoveryCodes.listLabel })).toBeInTheDocument();
    expect(await calls.find((call) => call.url.endsWith('/recovery-codes'))?.json()).toEqual({ code: 'p3n8-w2cz-7t' });
    await userEvent.click(screen.getByRole('button', { name: en.recoveryCodes.saved }));

    const disable = await screen.findByRole('form', { name: en.secondFactor.disableTitle });
    await userEvent.type(within(disable).getByLabelText(label(en.fields.password)), 'not-my-password');
    await userEvent.type(within(disable).getByLabelText(label(en.secondFactor.code)), '123456');
    await userEvent.click(within(disable).getByRole('button', { name: en.secondFactor.disable }));
    expect(await within(disable).findByText(en.fieldErrors.wrong_password)).toBeInTheDocument();
    await userEvent.click(within(disable).getByRole('button', { name: en.secondFactor.disable }));
    expect(await screen.findByText(en.secondFactor.disabled)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: en.secondFactor.setUp })).toBeInTheDocument();
    expect(await calls.filter((call) => call.url.endsWith('/disable'))[1]?.json()).toEqual({ password: 'not-my-password', code: '123456' });
  });
});
