import { describe, expect, it } from 'vitest';
import { PASSWORD, expectAccessible, freshServerAndBrowser, screenshot, strings, useLocale } from './harness';

describe('the shell', () => {
  const fresh = freshServerAndBrowser();

  it('paints right-to-left Persian first and switches to English, remembered', async () => {
    const { server, browser: { page } } = fresh;
    await page.goto(`${server.url}/login`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl']);
    await page.getByRole('heading', { name: strings('fa').account.login.title }).waitFor();
    await expectAccessible(page, 'login (fa)');
    await useLocale(page, 'en');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.reload();
    await page.getByRole('heading', { name: strings('en').account.login.title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await screenshot(page, 'login-en-desktop');
    await useLocale(page, 'fa');
  });

  it('signs in by keyboard alone, from the skip link on', async () => {
    const { server, browser: { page } } = fresh;
    server.createUser('keyboard@e2e.test', 'Keyboard');
    await page.goto(`${server.url}/login`);
    const s = strings('fa');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(s.common.skipToContent);
    await page.keyboard.press('Enter');
    // From the main landmark, the next stops are the e-mail and password fields.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await page.keyboard.type('keyboard@e2e.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: s.common.nav.signOut }).waitFor();
  });
});
