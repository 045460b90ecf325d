// Journey steps of the public pages: the home page, the statistics and the selected ideas, signed out.
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot, strings, useLocale, type Locale, type Server } from '../harness';

/** Signed out: the home page, /stats with the call's charts, and /selected listing the idea. */
export async function seePublicResults(
  page: Page,
  server: Server,
  locale: Locale,
  { callTitle, ideaTitle }: { callTitle: string; ideaTitle: string },
) {
  const s = strings(locale);
  await page.goto(`${server.url}/`);
  await useLocale(page, locale);
  await page.getByRole('heading', { level: 1, name: s.public.home.title }).waitFor();
  await page.getByRole('heading', { name: s.public.home.howTitle }).waitFor();
  await expectAccessible(page, `home (${locale})`);
  await screenshot(page, `home-${locale}-desktop`);

  await page.getByRole('navigation', { name: s.common.mainNavigation }).getByRole('link', { name: s.common.nav.stats }).click();
  await page.getByRole('heading', { level: 1, name: s.stats.title }).waitFor();
  const picker = page.getByRole('combobox', { name: s.stats.chooseCall });
  const value = await picker.locator('option', { hasText: callTitle }).first().getAttribute('value');
  if (!value) throw new Error(`no call "${callTitle}" to choose on /stats`);
  await picker.selectOption(value);
  await page.getByRole('heading', { level: 2, name: callTitle }).waitFor();
  for (const title of [s.stats.byDomain, s.stats.byCountry, s.stats.byDay]) {
    await page.locator('figure', { has: page.getByText(title, { exact: true }) }).locator('.recharts-surface').first().waitFor();
  }
  await expectAccessible(page, `stats (${locale})`);
  await screenshot(page, `stats-${locale}-desktop`);

  await page.getByRole('navigation', { name: s.common.mainNavigation }).getByRole('link', { name: s.common.nav.selected }).click();
  await page.getByRole('heading', { level: 1, name: s.public.selected.title }).waitFor();
  await page.getByRole('heading', { level: 2, name: callTitle }).waitFor();
  await page.getByRole('heading', { level: 3, name: ideaTitle }).waitFor();
  await expectAccessible(page, `selected (${locale})`);
  await screenshot(page, `selected-${locale}-desktop`);
}
