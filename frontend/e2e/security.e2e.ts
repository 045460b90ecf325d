// Accounts worthy of a city hall: a staff member enrols a second factor from the profile, keeps the recovery codes,
// and signs in again with a code this test computes as a phone would (RFC 6238); a recovery code works once; the
// admin reads it all in the audit trail.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD,
  PHONE,
  expectAccessible,
  expectFitsPhone,
  freshServerAndBrowser,
  openBrowser,
  screenshot,
  signIn,
  signOut,
  strings,
  useLocale,
  type Locale,
  type Server,
} from './harness';
import { freshCode, totp } from './steps/totp';

/** The password step of /login, ending on the code step. */
async function passwordStep(page: Page, server: Server, locale: Locale, email: string) {
  const s = strings(locale).account;
  await page.goto(`${server.url}/login`);
  await useLocale(page, locale);
  await page.getByLabel(s.fields.email).fill(email);
  await page.getByLabel(s.fields.password).fill(PASSWORD);
  await page.getByRole('button', { name: s.login.submit }).click();
  await page.getByRole('heading', { level: 2, name: s.secondStep.title }).waitFor();
}

describe('the second factor', () => {
  const staff = 'staff.security@e2e.test';
  const admin = 'admin.security@e2e.test';
  let secret = '';
  let usedStep = 0;
  let recoveryCodes: string[] = [];

  const fresh = freshServerAndBrowser(({ server }) => {
    server.createUser(staff, 'Staff Member', ['staff']);
    server.createUser(admin, 'Admin', ['admin']);
  });

  it('computes codes as an authenticator does (RFC 6238’s SHA-1 vector)', () => {
    // The key "12345678901234567890" at 59 s: 94287082, of which an app shows the last six digits.
    expect(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1)).toBe('287082');
  });

  it('staff enrol from the profile: a QR code, the key, a first code, recovery codes downloaded and put away', async () => {
    const { server, browser: { page } } = fresh;
    const locale: Locale = 'fa';
    const s = strings(locale).account;
    await page.goto(server.url);
    await useLocale(page, locale);
    await signIn(page, server, locale, staff);
    await page.goto(`${server.url}/profile`);
    await page.getByRole('heading', { level: 1, name: s.profile.title }).waitFor();
    await page.getByRole('button', { name: s.secondFactor.setUp }).click();
    await page.getByRole('img', { name: s.secondFactor.qrLabel }).waitFor();
    secret = (await page.getByLabel(s.secondFactor.key).inputValue()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectAccessible(page, `second factor set-up (${locale})`);
    await screenshot(page, `second-factor-setup-${locale}-desktop`);

    const first = await freshCode(secret, 0);
    usedStep = first.step;
    await page.getByRole('form', { name: s.secondFactor.setUp }).getByLabel(s.secondFactor.code).fill(first.code);
    await page.getByRole('button', { name: s.secondFactor.confirm }).click();
    const list = page.getByRole('list', { name: s.recoveryCodes.listLabel });
    await list.waitFor();
    recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    await expectAccessible(page, `recovery codes (${locale})`);
    await screenshot(page, `recovery-codes-${locale}-desktop`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: s.recoveryCodes.download }).click()]);
    expect(download.suggestedFilename()).toBe(s.recoveryCodes.fileName);
    const file = readFileSync(await download.path(), 'utf8');
    for (const code of recoveryCodes) expect(file).toContain(`\n${code}\n`);

    await page.getByRole('button', { name: s.recoveryCodes.saved }).click();
    await list.waitFor({ state: 'detached' });
    await page.getByText(s.secondFactor.enabled).waitFor();
    await page.getByText(s.secondFactor.on, { exact: true }).waitFor();
    await signOut(page, locale);
  });

  it('signs in again with the password and a fresh code, and sees this device among the sessions', async () => {
    const { server, browser: { page } } = fresh;
    const locale: Locale = 'fa';
    const s = strings(locale).account;
    await passwordStep(page, server, locale, staff);
    await expectAccessible(page, `second step (${locale})`);
    await screenshot(page, `login-second-step-${locale}-desktop`);
    // The enrolment's step may not serve twice: the next one, if need be.
    const next = await freshCode(secret, usedStep);
    usedStep = next.step;
    await page.getByLabel(s.secondStep.code).fill(next.code);
    await page.getByRole('button', { name: s.secondStep.submit }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: strings(locale).common.nav.signOut, exact: true }).waitFor();

    await page.goto(`${server.url}/profile`);
    const sessions = page.getByRole('region', { name: s.sessions.tableLabel });
    await sessions.getByText(s.sessions.thisDevice).waitFor();
    expect(await sessions.getByRole('row').count()).toBeGreaterThanOrEqual(2);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `profile with the second factor and sessions (${locale})`);
    await screenshot(page, `profile-security-${locale}-desktop`);
    await signOut(page, locale);
  });

  it('a recovery code signs in once, and the admin reads the trail', async () => {
    const { server, browser: { page } } = fresh;
    const locale: Locale = 'en';
    const s = strings(locale);
    const code = recoveryCodes[0] ?? '';
    await passwordStep(page, server, locale, staff);
    await page.getByRole('button', { name: s.account.secondStep.useRecovery }).click();
    await page.getByLabel(s.account.secondStep.recoveryCode).fill(code.toUpperCase());
    await page.getByRole('button', { name: s.account.secondStep.submit }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await signOut(page, locale);

    // Used up: the same code is refused.
    await passwordStep(page, server, locale, staff);
    await page.getByRole('button', { name: s.account.secondStep.useRecovery }).click();
    await page.getByLabel(s.account.secondStep.recoveryCode).fill(code);
    await page.getByRole('button', { name: s.account.secondStep.submit }).click();
    await page.getByText(s.account.secondStep.wrongRecoveryCode).waitFor();

    await signIn(page, server, locale, admin);
    await page.goto(`${server.url}/admin/audit`);
    await page.getByRole('heading', { level: 1, name: s.admin.audit.title }).waitFor();
    const trail = page.getByRole('region', { name: s.admin.audit.tableLabel });
    await trail.getByRole('cell', { name: s.enums.EventKind.second_factor_enrolled }).waitFor();
    await trail.getByRole('cell', { name: s.enums.EventKind.recovery_code_used }).waitFor();
    await page.getByLabel(s.admin.audit.kind).selectOption('recovery_code_used');
    await page.getByRole('button', { name: s.admin.audit.apply, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('kind') === 'recovery_code_used');
    await expect.poll(() => trail.getByRole('row').count()).toBe(2);
    await expectAccessible(page, `audit (${locale})`);
    await screenshot(page, `audit-${locale}-desktop`);

    // The admin resets the staff member's second factor (a lost phone, say).
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('searchbox', { name: s.admin.users.q }).fill(staff);
    await page.getByRole('button', { name: s.admin.users.search, exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: staff });
    await row.getByRole('button', { name: 'Reset two-step verification of Staff Member' }).click();
    await row.getByRole('button', { name: s.admin.secondFactor.confirm }).click();
    await row.getByText('The two-step verification of Staff Member is reset.').waitFor();
    await signOut(page, locale);
  });

  it('the audit trail and the set-up of a second factor fit a 360-pixel phone', async () => {
    const { server } = fresh;
    const phone = await openBrowser(PHONE);
    try {
      const { page } = phone;
      for (const locale of ['fa', 'en'] as const) {
        const s = strings(locale);
        await page.goto(server.url);
        await useLocale(page, locale);
        await signIn(page, server, locale, admin);
        await page.goto(`${server.url}/admin/audit`);
        await page.getByRole('region', { name: s.admin.audit.tableLabel }).waitFor();
        await expectFitsPhone(page, `audit (${locale})`);
        await expectAccessible(page, `audit on a phone (${locale})`);
        await screenshot(page, `audit-${locale}-phone`);
        await page.goto(`${server.url}/profile`);
        await page.getByRole('button', { name: s.account.secondFactor.setUp }).click();
        await page.getByRole('img', { name: s.account.secondFactor.qrLabel }).waitFor();
        await page.waitForLoadState('networkidle');
        await expectFitsPhone(page, `second factor set-up (${locale})`);
        await expectAccessible(page, `second factor set-up on a phone (${locale})`);
        await screenshot(page, `second-factor-setup-${locale}-phone`);
        await signOut(page, locale);
      }
    } finally {
      await phone.close();
    }
  });
});

describe('a staff account where the office requires a second factor', () => {
  const staff = 'staff.required@e2e.test';
  const fresh = freshServerAndBrowser(({ server }) => server.createUser(staff, 'Required Staff', ['staff']), { env: { REQUIRE_SECOND_FACTOR: 'true' } });

  it('sees the enrolment page alone until one is set up, then goes on where it was going', async () => {
    const { server, browser: { page } } = fresh;
    const locale: Locale = 'en';
    const s = strings(locale);
    await page.goto(`${server.url}/login?next=%2Fstaff%2Fcalls`);
    await useLocale(page, locale);
    await page.getByLabel(s.account.fields.email).fill(staff);
    await page.getByLabel(s.account.fields.password).fill(PASSWORD);
    await page.getByRole('button', { name: s.account.login.submit }).click();
    await page.waitForURL((url) => url.pathname === '/second-factor' && url.searchParams.get('next') === '/staff/calls');
    await page.getByRole('heading', { level: 1, name: s.account.enrol.title }).waitFor();
    const nav = page.getByRole('navigation', { name: s.common.mainNavigation });
    expect(await nav.getByRole('link').allTextContents()).toEqual([s.common.nav.secondFactor]);
    // Any other page leads back here.
    await page.goto(`${server.url}/staff/calls`);
    await page.waitForURL((url) => url.pathname === '/second-factor');
    await expectAccessible(page, `enrolment (${locale})`);
    await screenshot(page, `enrol-only-${locale}-desktop`);

    await page.getByRole('button', { name: s.account.secondFactor.setUp }).click();
    const secret = (await page.getByLabel(s.account.secondFactor.key).inputValue()).replace(/\s+/g, '');
    const { code } = await freshCode(secret, 0);
    await page.getByRole('form', { name: s.account.secondFactor.setUp }).getByLabel(s.account.secondFactor.code).fill(code);
    await page.getByRole('button', { name: s.account.secondFactor.confirm }).click();
    await page.getByRole('list', { name: s.account.recoveryCodes.listLabel }).waitFor();
    await page.getByRole('button', { name: s.account.recoveryCodes.saved }).click();
    // The same session may do all its role allows now.
    await page.waitForURL((url) => url.pathname === '/staff/calls');
    await nav.getByRole('link', { name: s.common.nav.calls }).waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${server.url}/profile`);
    await page.getByRole('region', { name: s.account.sessions.tableLabel }).waitFor();
    await signOut(page, locale);
  });
});
