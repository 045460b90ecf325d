import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openBrowser, screenshot, startServer, strings, useLocale, type Browser, type Server } from './harness';

describe('the shell', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('paints right-to-left Persian first and switches to English, remembered', async () => {
    const { page } = browser;
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
});
