// The register of sister cities and the administration, end to end on a fresh server, in Persian and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, signIn, signOut, startServer, strings, useLocale, type Browser, type Server } from './harness';
import { grantRole } from './steps/admin';
import { browseRegister, recordNetwork, recordPartnershipWithActivity } from './steps/partnerships';

/** Nothing sticks out sideways (tables scroll inside their own region). */
async function expectFits(page: Browser['page'], where: string) {
  const report = await page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (!(box.right > width + 1 || box.left < -1)) return false;
        // Inside a scrolling table only what is taken out of the flow can widen the page.
        return !el.parentElement?.closest('.table-scroll') || getComputedStyle(el).position === 'absolute';
      })
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.textContent?.slice(0, 40)}`);
    return { scrollWidth, width, culprits: scrollWidth > width ? culprits : [] };
  });
  expect(report.scrollWidth, `${where}: ${report.culprits.join(' | ')}`).toBeLessThanOrEqual(report.width);
}

describe('partnerships and users', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    server.createUser('admin@e2e.example', 'مدیر سامانه', ['admin']);
    server.createUser('staff@e2e.example', 'کارشناس روابط بین‌الملل', ['staff']);
    server.createUser('juror@e2e.example', 'Sara Ahmadi', []);
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const cases = [
    { locale: 'fa' as const, city: 'فلورانس', country: 'IT', role: 'reviewer' as const, network: 'شبکهٔ شهرهای یادگیرنده' },
    { locale: 'en' as const, city: 'Lyon', country: 'FR', role: 'staff' as const, network: 'Learning Cities Network' },
  ];

  for (const { locale, city, country, role, network } of cases) {
    it(`grants a role, records a partnership with an activity and shows it to the public (${locale})`, async () => {
      const { page } = browser;
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
    const phone = await openBrowser({ width: 360, height: 780 });
    try {
      const { page } = phone;
      for (const locale of ['fa', 'en'] as const) {
        await page.goto(`${server.url}/sister-cities`);
        await useLocale(page, locale);
        await page.getByRole('heading', { level: 1, name: strings(locale).partnerships.register.title }).waitFor();
        await page.getByRole('link', { name: 'Lyon', exact: true }).waitFor();
        await screenshot(page, `register-${locale}-phone`);
        await expectFits(page, `register (${locale})`);
        await page.getByRole('link', { name: 'Lyon', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Lyon' }).waitFor();
        await screenshot(page, `partnership-${locale}-phone`);
        await expectFits(page, `partnership (${locale})`);
      }
      await signIn(page, server, 'en', 'staff@e2e.example');
      for (const path of ['/staff/partnerships', '/staff/networks']) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('table').waitFor();
        await expectFits(page, path);
      }
      await page.goto(`${server.url}/staff/partnerships`);
      await page.getByRole('link', { name: 'Lyon', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Lyon' }).waitFor();
      await screenshot(page, 'staff-partnership-en-phone');
      await expectFits(page, 'staff partnership');
      await signOut(page, 'en');
      await signIn(page, server, 'en', 'admin@e2e.example');
      await page.goto(`${server.url}/admin/users`);
      await page.getByRole('table').waitFor();
      await screenshot(page, 'users-en-phone');
      await expectFits(page, 'users');
    } finally {
      await phone.close();
    }
  });
});
