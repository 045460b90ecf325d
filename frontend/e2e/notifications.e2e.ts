// Notifications end to end on a fresh server that asks new accounts to confirm their address and writes its mail
// as .eml files: a citizen registers in Persian, confirms the address through the mailed link, submits an idea and
// reads the receipt under the bell; the same citizen resets a forgotten password through the mail; an admin reads
// the outbox; both lists fit a phone.
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, freshServerAndBrowser, openBrowser, PHONE, screenshot, signIn, signOut, strings, useLocale } from './harness';
import { registerCitizen } from './steps/account';
import { draftAndSubmitIdea } from './steps/ideas';
import { mailedLink } from './steps/mail';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const citizen = { email: 'citizen.notices@e2e.test', name: 'مریم شهروند' };
const admin = 'admin.notices@e2e.test';
const NEW_PASSWORD = 'amber-courtyard-1405';
const TITLE = 'هفتهٔ فرهنگی اصفهان در فلورانس';
/** A text as read on screen: without the invisible isolates around names and titles. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '');

describe('notifications', () => {
  const fresh = freshServerAndBrowser(
    async ({ server }) => {
      server.createUser('staff.notices@e2e.test', 'کارشناس', ['staff']);
      server.createUser(admin, 'Admin', ['admin']);
      const staff = await server.signInApi('staff.notices@e2e.test');
      await server.api('POST', '/calls', {
        token: staff,
        body: {
          title: { fa: 'فراخوان اعلان‌ها ۱۴۰۵', en: 'Notifications call 1405' },
          description: { fa: 'ایده‌هایی برای پیوند با شهرهای جهان.' },
          opensAt: day(-1),
          closesAt: day(10),
          reviewOpensAt: day(11),
          reviewClosesAt: day(40),
          domains: ['cultural'],
          reviewersPerIdea: 2,
          blindReview: true,
        },
      });
    },
    { env: { REQUIRE_EMAIL_VERIFICATION: 'true' } },
  );

  it('a citizen confirms the address from the mail, submits an idea and reads its receipt under the bell', async () => {
    const { server, browser: { page } } = fresh;
    const s = strings('fa');
    const n = s.notifications;
    await registerCitizen(page, server, 'fa', citizen);

    // Not confirmed yet: a calm note with a way to have the link sent again, and an empty bell.
    const note = page.locator('.verify-email');
    await note.getByRole('button', { name: s.common.verifyEmail.resend }).waitFor();
    expect(plain(await note.textContent())).toContain(`پیوندی به ${citizen.email} فرستادیم`);
    await page.getByRole('link', { name: n.bell.label, exact: true }).waitFor();
    await expectAccessible(page, 'profile with the unconfirmed address (fa)');
    await screenshot(page, 'unverified-banner-fa-desktop');

    // The link of the mail confirms the address.
    const link = await mailedLink(server, citizen.email, /https?:\/\/\S+\/verify-email#token=[^\s<>"]+/);
    expect(link.startsWith(`${server.url}/verify-email#token=`)).toBe(true);
    await page.goto(link);
    await page.getByText(s.account.verify.done).waitFor();
    await page.waitForURL((url) => url.pathname === '/verify-email' && !url.hash);
    await expectAccessible(page, 'e-mail confirmed (fa)');
    await screenshot(page, 'verify-email-fa-desktop');
    await page.getByRole('link', { name: s.account.verify.toIdeas }).click();
    await page.waitForURL((url) => url.pathname === '/my/ideas');
    expect(await note.count()).toBe(0);

    // Submitting is allowed now; the receipt is the first notice.
    const ideaId = await draftAndSubmitIdea(page, server, 'fa', { title: TITLE });
    const bell = page.getByRole('link', { name: n.bell.unread_one.replace('{{n}}', '۱') });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: n.page.title }).waitFor();
    const list = page.getByRole('list', { name: n.page.listLabel });
    const receipt = list.getByRole('listitem').filter({ hasText: TITLE });
    await receipt.getByText(n.page.unread, { exact: true }).waitFor();
    expect(await receipt.getByRole('link').getAttribute('href')).toBe(`/my/ideas/${ideaId}`);
    expect(plain(await receipt.getByRole('link').textContent())).toBe(`ایدهٔ «${TITLE}» را برای فراخوان «فراخوان اعلان‌ها ۱۴۰۵» دریافت کردیم.`);
    await expectAccessible(page, 'notifications (fa)');
    await screenshot(page, 'notifications-fa-desktop');

    await receipt.getByRole('button', { name: n.page.markRead }).click();
    await receipt.getByText(n.page.unread, { exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: n.bell.label, exact: true }).waitFor();
    await page.getByRole('checkbox', { name: n.page.unreadOnly }).check();
    await page.getByText(n.page.emptyUnread).waitFor();
    await signOut(page, 'fa');
  });

  it('a forgotten password: from the sign-in page through the mailed link to a sign-in with the new one', async () => {
    const { server, browser: { page } } = fresh;
    const s = strings('fa').account;
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: s.login.forgot }).click();
    await page.getByRole('heading', { level: 1, name: s.forgot.title }).waitFor();
    await page.getByLabel(s.fields.email).fill(citizen.email);
    await page.getByRole('button', { name: s.forgot.submit }).click();
    const said = page.getByRole('status').filter({ hasText: 'یک ساعت اعتبار دارد' });
    await said.waitFor();
    expect(plain(await said.textContent())).toContain(`اگر حسابی با نشانی ${citizen.email} باشد`);
    await expectAccessible(page, 'forgot password (fa)');
    await screenshot(page, 'forgot-password-fa-desktop');

    const link = await mailedLink(server, citizen.email, /https?:\/\/\S+\/set-password#token=[^\s<>"]+/);
    await page.goto(link);
    await page.waitForURL((url) => url.pathname === '/set-password' && !url.hash);
    await page.getByLabel(s.fields.newPassword).fill(NEW_PASSWORD);
    await page.getByLabel(s.fields.repeatPassword).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: s.setPassword.submit }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('status').filter({ hasText: s.login.passwordSet }).waitFor();

    await page.getByLabel(s.fields.email).fill(citizen.email);
    await page.getByLabel(s.fields.password).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: s.login.submit }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: strings('fa').common.nav.signOut, exact: true }).waitFor();
    await signOut(page, 'fa');
  });

  it('an admin reads the outbox', async () => {
    const { server, browser: { page } } = fresh;
    const s = strings('en');
    await page.goto(server.url);
    await useLocale(page, 'en');
    await signIn(page, server, 'en', admin);
    await page.getByRole('navigation', { name: s.common.mainNavigation }).getByRole('link', { name: s.common.nav.outbox }).click();
    await page.getByRole('heading', { level: 1, name: s.admin.outbox.title }).waitFor();
    const table = page.getByRole('region', { name: s.admin.outbox.tableLabel });
    for (const kind of ['verify_email', 'idea_received', 'password_reset', 'password_changed'] as const) {
      await table.getByRole('row').filter({ hasText: s.enums.NoticeKind[kind] }).filter({ hasText: citizen.email }).first().waitFor();
    }
    await page.getByLabel(s.admin.outbox.state).selectOption('sent');
    await page.waitForURL((url) => url.searchParams.get('state') === 'sent');
    await table.getByRole('row').filter({ hasText: s.enums.NoticeKind.verify_email }).first().waitFor();
    await expectAccessible(page, 'outbox (en)');
    await screenshot(page, 'outbox-en-desktop');
    await signOut(page, 'en');
  });

  it('the notices and the outbox fit a 360-pixel phone', async () => {
    const { server } = fresh;
    const phone = await openBrowser(PHONE);
    try {
      const { page } = phone;
      const s = strings('fa');
      await page.goto(`${server.url}/login?next=%2Fnotifications`);
      await page.getByLabel(s.account.fields.email).fill(citizen.email);
      await page.getByLabel(s.account.fields.password).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: s.account.login.submit }).click();
      await page.waitForURL((url) => url.pathname === '/notifications');
      await page.getByRole('list', { name: s.notifications.page.listLabel }).getByRole('listitem').first().waitFor();
      await expectFitsPhone(page, 'notifications (fa)');
      await screenshot(page, 'notifications-fa-phone');
      await signOut(page, 'fa');

      await signIn(page, server, 'fa', admin);
      await page.goto(`${server.url}/admin/outbox`);
      await page.getByRole('region', { name: s.admin.outbox.tableLabel }).waitFor();
      await expectFitsPhone(page, 'outbox (fa)');
      await screenshot(page, 'outbox-fa-phone');
    } finally {
      await phone.close();
    }
  });
});
