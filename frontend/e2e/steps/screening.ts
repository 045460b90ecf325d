// Journey steps of staff screening a call's ideas.
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot, strings, type Locale, type Server } from '../harness';

/**
 * Staff find an idea in the screening queue by its title, select it and shortlist it in bulk; its row then shows
 * it shortlisted. Then they open the idea's own screening page.
 */
export async function shortlistIdea(page: Page, server: Server, locale: Locale, callId: string, ideaTitle: string) {
  const s = strings(locale);
  const q = s.screening.queue;
  await page.goto(`${server.url}/staff/calls/${callId}/screening`);
  await page.getByRole('heading', { level: 1, name: q.title }).waitFor();
  await page.getByLabel(q.search).fill(ideaTitle);
  await page.getByRole('search').getByRole('button', { name: s.common.actions.search }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === ideaTitle);
  const table = page.getByRole('table', { name: q.tableLabel });
  // Its own row: the one whose checkbox it names (another idea's row may link it as its best match).
  const checkbox = page.getByRole('checkbox', { name: q.select.replace('{{title}}', ideaTitle), exact: true });
  const row = table.getByRole('row').filter({ has: checkbox });
  await row.waitFor();
  await expectAccessible(page, `screening queue (${locale})`);
  await screenshot(page, `screening-queue-${locale}-desktop`);

  await checkbox.check();
  await page.getByRole('button', { name: s.screening.bulk.shortlist }).click();
  await page.getByRole('list', { name: s.screening.bulk.results }).getByText(ideaTitle).waitFor();
  await row.getByText(s.enums.IdeaState.shortlisted, { exact: true }).waitFor();

  await row.getByRole('link', { name: ideaTitle, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: ideaTitle }).waitFor();
  await page.getByRole('button', { name: s.screening.decision.reopen }).waitFor();
  await page.getByRole('heading', { name: s.screening.idea.similar }).waitFor();
  await expectAccessible(page, `idea screening (${locale})`);
  await screenshot(page, `idea-screening-${locale}-desktop`);
}
