// The ranking's journey steps: read the ranking, export it, decide and publish.
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot, strings, type Locale, type Server } from '../harness';

/**
 * Signed-in staff read the call's ranking (the idea is there with its scores), export it as CSV, decide the idea
 * selected and every other decidable idea not selected, and publish; the page then says the decisions are out.
 */
export async function rankDecideAndPublish(page: Page, server: Server, locale: Locale, callId: string, ideaTitle: string) {
  const s = strings(locale);
  const r = s.ranking;
  await page.goto(`${server.url}/staff/calls/${callId}/ranking`);
  const table = page.getByRole('region', { name: r.table.label });
  const row = table.getByRole('row').filter({ hasText: ideaTitle });
  await row.waitFor();
  // Its raw score and calibrated score columns are filled (a dash means no score).
  const header = await table.locator('thead th').allInnerTexts();
  const cells = await row.locator('th, td').allInnerTexts();
  for (const column of [r.table.rawScore, r.table.calibratedScore, r.table.rawRank, r.table.calibratedRank]) {
    const value = cells[header.indexOf(column)]?.trim();
    if (!value || value === r.table.noScore) throw new Error(`${ideaTitle}: no ${column} in the ranking (${cells.join(' | ')})`);
  }
  await page.getByRole('heading', { name: r.agreement.title }).waitFor();
  // Each juror's offset, with its uncertainty, under its own heading.
  await page.getByRole('heading', { name: r.offsets.title }).waitFor();
  await page.getByRole('region', { name: r.offsets.label }).getByRole('row').nth(1).waitFor();
  // Sorting by the raw place and back, by a click on each column's header.
  await table.getByRole('button', { name: r.table.rawRank, exact: true }).click();
  await table.getByRole('columnheader', { name: r.table.rawRank, exact: true }).and(page.locator('[aria-sort="ascending"]')).waitFor();
  await row.waitFor();
  await table.getByRole('button', { name: r.table.calibratedRank, exact: true }).click();
  await table.getByRole('columnheader', { name: r.table.calibratedRank, exact: true }).and(page.locator('[aria-sort="ascending"]')).waitFor();
  await expectAccessible(page, `ranking (${locale})`);
  await screenshot(page, `ranking-${locale}-desktop`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: r.export.csv }).click()]);
  if (!download.suggestedFilename().endsWith('.csv')) throw new Error(`the export is ${download.suggestedFilename()}`);
  if (await download.failure()) throw new Error(`the CSV download failed: ${await download.failure()}`);

  // Decisions: through the call's tabs.
  await page.getByRole('navigation', { name: s.common.callTabs.label }).getByRole('link', { name: s.common.callTabs.decisions }).click();
  await page.getByRole('heading', { name: r.decisions.tally }).waitFor();
  const choice = page.getByRole('group', { name: r.decisions.outcomeFor.replace('{{idea}}', ideaTitle) });
  await choice.getByLabel(s.enums.DecisionOutcome.selected, { exact: true }).check();
  await page.getByRole('button', { name: r.decisions.restNotSelected }).click();
  await page.getByRole('button', { name: r.decisions.save }).click();
  await page.getByText(r.decisions.complete).waitFor();
  await expectAccessible(page, `decisions (${locale})`);
  await screenshot(page, `decisions-${locale}-desktop`);

  await page.getByRole('button', { name: r.decisions.publish }).click();
  await page.getByRole('heading', { name: r.decisions.confirmTitle }).waitFor();
  await page.getByRole('button', { name: r.decisions.confirm }).click();
  await page.getByRole('status').filter({ hasText: r.decisions.published }).waitFor();
  await expectAccessible(page, `decisions published (${locale})`);
  await screenshot(page, `decisions-published-${locale}-desktop`);
}
