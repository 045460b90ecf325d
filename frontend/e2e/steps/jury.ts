// The jury's journey steps: enrolling a reviewer, recording a conflict of interest, the automatic assignment.
import type { Page } from 'playwright-core';
import type { Schema } from '@/lib/api/types';
import { latinDigits } from '@/lib/format/numbers';
import { expectAccessible, screenshot, strings, type Locale, type Server } from '../harness';

type Organisation = Schema<'Organisation'>;
type Domain = Schema<'Domain'>;

/** A number as the page shows it (Persian digits and separators too). */
export function readNumber(text: string): number {
  return Number(latinDigits(text).replace(/[٬,\s]/g, '').replace('٫', '.'));
}

/**
 * Signed-in staff enrol a reviewer through the form; returns the one-time path `/set-password#token=…` the page
 * shows for a new account (the token in the fragment, which never reaches a server).
 */
export async function enrolReviewer(
  page: Page,
  server: Server,
  locale: Locale,
  reviewer: { email: string; name: string; organisation: Organisation; expertise?: Domain[]; maxLoad?: number },
): Promise<string> {
  const s = strings(locale);
  await page.goto(`${server.url}/staff/reviewers`);
  await page.getByRole('heading', { level: 1, name: s.jury.reviewers.title }).waitFor();
  await page.getByRole('button', { name: s.jury.reviewers.enrol }).click();
  const form = page.getByRole('form', { name: s.jury.reviewers.enrolTitle });
  await form.getByLabel(s.jury.fields.email).fill(reviewer.email);
  await form.getByLabel(s.jury.fields.name).fill(reviewer.name);
  await form.getByLabel(s.jury.fields.organisation).selectOption({ label: s.enums.Organisation[reviewer.organisation] });
  for (const domain of reviewer.expertise ?? ['cultural']) {
    await form.getByLabel(s.enums.Domain[domain], { exact: true }).check();
  }
  if (reviewer.maxLoad !== undefined) await form.getByLabel(s.jury.fields.maxLoad).fill(String(reviewer.maxLoad));
  await form.getByRole('button', { name: s.jury.reviewers.enrolSubmit }).click();
  const link = page.getByLabel(s.common.oneTime.linkLabel.replace('{{name}}', reviewer.name));
  await link.waitFor();
  const url = new URL(await link.inputValue());
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  if (url.pathname !== '/set-password' || url.search || !token) throw new Error(`unexpected set-password link ${url.href}`);
  // The new reviewer is listed.
  await page.getByRole('rowheader').filter({ hasText: reviewer.name }).waitFor();
  await expectAccessible(page, `reviewers (${locale})`);
  await screenshot(page, `reviewers-${locale}-desktop`);
  // Shown once: closing the link hides it for good.
  await page.getByRole('button', { name: s.common.oneTime.done }).click();
  await link.waitFor({ state: 'detached' });
  return `${url.pathname}${url.hash}`;
}

/** Signed-in staff record a conflict of interest between a reviewer and an idea of a call. */
export async function recordConflict(
  page: Page,
  server: Server,
  locale: Locale,
  conflict: { reviewerName: string; callTitle: string; ideaTitle: string; reason: string },
) {
  const s = strings(locale);
  await page.goto(`${server.url}/staff/conflicts`);
  await page.getByRole('heading', { level: 1, name: s.jury.conflicts.title }).waitFor();
  await page.getByRole('button', { name: s.jury.conflicts.record }).click();
  const form = page.getByRole('form', { name: s.jury.conflicts.record });
  await form.getByLabel(s.jury.fields.reviewer).selectOption({ label: conflict.reviewerName });
  await form.getByLabel(s.jury.fields.call).selectOption({ label: conflict.callTitle });
  const idea = form.getByLabel(s.jury.fields.idea);
  await idea.locator('option', { hasText: conflict.ideaTitle }).waitFor({ state: 'attached' });
  await idea.selectOption({ label: conflict.ideaTitle });
  await form.getByLabel(s.jury.fields.reason).fill(conflict.reason);
  await form.getByRole('button', { name: s.jury.conflicts.recordSubmit }).click();
  await page.getByRole('status').filter({ hasText: conflict.ideaTitle }).waitFor();
  const row = page.getByRole('row').filter({ hasText: conflict.reason });
  await row.getByText(s.enums.ConflictSource.staff).waitFor();
  await expectAccessible(page, `conflicts (${locale})`);
  await screenshot(page, `conflicts-${locale}-desktop`);
}

export type PlanFigures = { ideas: number; newAssignments: number };

/** The automatic assignment: a dry run whose figures are read, then applied; the board shows the assignments. */
export async function autoAssign(page: Page, server: Server, locale: Locale, callId: string): Promise<PlanFigures> {
  const s = strings(locale);
  const board = s.jury.board;
  await page.goto(`${server.url}/staff/calls/${callId}/assignments`);
  await page.getByRole('heading', { name: board.auto.title }).waitFor();
  await page.getByRole('button', { name: board.auto.dryRun }).click();
  await page.getByRole('heading', { name: board.auto.planTitle }).waitFor();
  const figure = async (term: string) =>
    readNumber(await page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText());
  const figures = { ideas: await figure(board.auto.ideas), newAssignments: await figure(board.auto.newAssignments) };
  if (!(figures.newAssignments > 0)) throw new Error(`the dry run planned nothing: ${JSON.stringify(figures)}`);
  const planned = page.getByRole('region', { name: board.auto.plannedLabel }).locator('tbody tr');
  if ((await planned.count()) !== figures.newAssignments) throw new Error('the plan table does not list every new assignment');
  await expectAccessible(page, `assignment board (${locale})`);
  await screenshot(page, `assignments-${locale}-desktop`);

  await page.getByRole('button', { name: board.auto.apply }).click();
  await page.getByRole('status').filter({ hasText: board.auto.applied.replace('{{n}}', '').trim() }).waitFor();
  const pending = page.getByRole('region', { name: board.byIdeaLabel }).getByText(s.enums.AssignmentState.pending, { exact: true });
  await pending.first().waitFor();
  if ((await pending.count()) < figures.newAssignments) throw new Error('the board does not show every new assignment');
  return figures;
}
