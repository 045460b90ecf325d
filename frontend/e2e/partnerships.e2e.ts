// The register of sister cities and the administration, end to end on a fresh server, in Persian and English.
import { describe, it } from 'vitest';
import { expectFitsPhone, freshServerAndBrowser, openBrowser, PHONE, screenshot, signIn, signOut, strings, useLocale } from './harness';
import { grantRole } from './steps/admin';
import { browseRegister, recordNetwork, recordPartnershipWithActivity } from './steps/partnerships';

describe('partnerships and users', () => {
  const fresh = freshServerAndBrowser(({ server }) => {
    server.createUser('admin@e2e.example', 'مدیر سامانه', ['admin']);
    server.createUser('staff@e2e.example', 'کارشناس روابط بین‌الملل', ['staff']);
    server.createUser('juror@e2e.example', 'Sara Ahmadi', []);
  });

  const cases = [
    { locale: 'fa' as const, city: 'فلورانس', country: 'IT', role: 'reviewer' as const, network: 'شبکهٔ شهرهای یادگیرنده' },
    { locale: 'en' as const, city: 'Lyon', country: 'FR', role: 'staff' as const, network: 'Learning Cities Network' },
  ];

  for (const { locale, city, country, role, network } of cases) {
    it(`grants a role, records a partnership with an activity and shows it to the public (${locale})`, async () => {
      const { server, browser: { page } } = fresh;
      await page.goto(`${server.url}/`);
      await useLocale(page, locale);

      await signIn(page, server, locale, 'admin@e2e.example');
      await grantRole(page, server, locale, { email: 'juror@e2e.example', role });
      await signOut(page, locale);

      await signIn(page, server, locale, 'staff@e2e.example');
      const { activity } = await recordPartnershipWithActivity(page, server, locale, { city, country });
      await recordNetwork(page, server, locale, { name: network });
      await signOut(page, locale);

      await browseRegister(page, server, locale, { city, activity });
    });
  }

  it('fits a phone (360 px) in both languages', async () => {
    const { server } = fresh;
    const phone = await openBrowser(PHONE);
    try {
      const { page } = phone;
      for (const locale of ['fa', 'en'] as const) {
        await page.goto(`${server.url}/sister-cities`);
        await useLocale(page, locale);
        await page.getByRole('heading', { level: 1, name: strings(locale).partnerships.register.title }).waitFor();
        await page.getByRole('link', { name: 'Lyon', exact: true }).waitFor();
        await screenshot(page, `register-${locale}-phone`);
        await expectFitsPhone(page, `register (${locale})`);
        await page.getByRole('link', { name: 'Lyon', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Lyon' }).waitFor();
        await screenshot(page, `partnership-${locale}-phone`);
        await expectFitsPhone(page, `partnership (${locale})`);
      }
      await signIn(page, server, 'en', 'staff@e2e.example');
      for (const path of ['/staff/partnerships', '/staff/networks']) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('table').waitFor();
        await expectFitsPhone(page, path);
      }
      await page.goto(`${server.url}/staff/partnerships`);
      await page.getByRole('link', { name: 'Lyon', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Lyon' }).waitFor();
      await screenshot(page, 'staff-partnership-en-phone');
      await expectFitsPhone(page, 'staff partnership');
      await signOut(page, 'en');
      await signIn(page, server, 'en', 'admin@e2e.example');
      await page.goto(`${server.url}/admin/users`);
      await page.getByRole('table').waitFor();
      await screenshot(page, 'users-en-phone');
      await expectFitsPhone(page, 'users');
    } finally {
      await phone.close();
    }
  });
});
