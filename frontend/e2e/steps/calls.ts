// Journey steps of staff running a call: creating it, its rubric, closing it early and opening its review.
import type { Page } from 'playwright-core';
import { toJalali, todayInOffice } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { expectAccessible, screenshot, strings, type Locale, type Server } from '../harness';

/** The office's day `days` after today, as an ISO day. */
export function dayFromToday(days: number): string {
  const today = todayInOffice();
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Sets a DateField: the Jalali selects in Persian, the browser's date input in English. */
export async function chooseDay(page: Page, locale: Locale, label: string, iso: string) {
  const s = strings(locale).common.fields;
  if (locale === 'en') {
    await page.getByLabel(label, { exact: true }).fill(iso);
    return;
  }
  const day = toJalali(iso);
  if (!day) throw new Error(`not a day: ${iso}`);
  const group = page.getByRole('group', { name: label, exact: true });
  await group.getByRole('combobox', { name: s.year }).selectOption(String(day.year));
  await group.getByRole('combobox', { name: s.month }).selectOption(String(day.month));
  await group.getByRole('combobox', { name: s.day }).selectOption(String(day.day));
}

/**
 * Signed-in staff create a call through /staff/calls/new: open from today for 10 days, its review from the 11th to
 * the 30th day, every domain, two reviewers per idea. Returns the call's id.
 */
export async function createCall(page: Page, server: Server, locale: Locale, { title }: { title: string }): Promise<string> {
  const s = strings(locale);
  await page.goto(`${server.url}/staff/calls`);
  await page.getByRole('heading', { level: 1, name: s.calls.title }).waitFor();
  await page.getByRole('region', { name: s.calls.list.tableLabel }).or(page.getByText(s.calls.list.empty)).first().waitFor();
  await expectAccessible(page, `calls list (${locale})`);
  await screenshot(page, `calls-list-${locale}-desktop`);

  await page.getByRole('link', { name: s.calls.list.create }).click();
  await page.getByRole('heading', { level: 1, name: s.calls.form.newTitle }).waitFor();
  await page.getByLabel(`${s.calls.form.titleField} (${s.common.fields.fa})`).fill(title);
  if (locale === 'en') await page.getByLabel(`${s.calls.form.titleField} (${s.common.fields.en})`).fill(title);
  await page
    .getByLabel(`${s.calls.form.description} (${s.common.fields.fa})`)
    .fill('شهروندانی که با شهرهای جهان پیوند دارند، ایده‌های همکاری تازه برای اصفهان بفرستند.');
  await chooseDay(page, locale, s.calls.form.opensAt, dayFromToday(0));
  await chooseDay(page, locale, s.calls.form.closesAt, dayFromToday(10));
  await chooseDay(page, locale, s.calls.form.reviewOpensAt, dayFromToday(11));
  await chooseDay(page, locale, s.calls.form.reviewClosesAt, dayFromToday(30));
  for (const label of Object.values(s.enums.Domain)) {
    await page.getByRole('checkbox', { name: label, exact: true }).check();
  }
  await page.getByLabel(s.calls.form.reviewersPerIdea).fill(locale === 'fa' ? '۲' : '2');
  await expectAccessible(page, `call form (${locale})`);
  await screenshot(page, `call-form-${locale}-desktop`);

  await page.getByRole('button', { name: s.calls.form.create }).click();
  await page.waitForURL(/\/staff\/calls\/[0-9a-f-]{36}$/);
  await page.getByRole('status').filter({ hasText: s.calls.form.created }).waitFor();
  await page.getByText(s.enums.CallPhase.open, { exact: true }).first().waitFor();
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error('no call id');
  await expectAccessible(page, `call (${locale})`);
  await screenshot(page, `call-${locale}-desktop`);
  return id;
}

const CRITERIA = [
  {
    key: 'impact',
    fa: 'اثر بر جایگاه بین‌المللی شهر',
    en: "Impact on the city's international standing",
    guidanceFa: 'آیا اجرای ایده اصفهان را در شهر مقصد شناخته‌تر می‌کند؟',
    guidanceEn: 'Would the idea make Isfahan better known in the partner city?',
    weight: 3,
  },
  {
    key: 'feasibility',
    fa: 'شدنی بودن',
    en: 'Feasibility',
    guidanceFa: 'با بودجه، زمان و همکاران گفته‌شده شدنی است؟',
    guidanceEn: 'Can it be done with the budget, time and partners described?',
    weight: 2,
  },
  {
    key: 'channel_strength',
    fa: 'استحکام پیوند پیشنهاددهنده',
    en: "Strength of the submitter's tie",
    guidanceFa: 'پیوند پیشنهاددهنده با شهر مقصد چقدر واقعی و پایدار است؟',
    guidanceEn: "How real and lasting is the submitter's tie to the city?",
    weight: 1,
  },
];

/** Staff write three criteria with guidance and weights in the rubric editor, and save them. */
export async function setRubric(page: Page, server: Server, locale: Locale, callId: string) {
  const s = strings(locale);
  const r = s.calls.rubric;
  await page.goto(`${server.url}/staff/calls/${callId}/rubric`);
  await page.getByRole('heading', { level: 1, name: r.title }).waitFor();
  await page.getByText(r.none).waitFor();
  for (const [i, criterion] of CRITERIA.entries()) {
    if (i > 0) await page.getByRole('button', { name: r.add }).click();
    const row = page.getByRole('group', { name: r.criterion.replace('{{n}}', formatNumber(i + 1, locale)), exact: true });
    await row.getByLabel(r.key).fill(criterion.key);
    await row.getByLabel(`${r.label} (${s.common.fields.fa})`).fill(criterion.fa);
    await row.getByLabel(`${r.label} (${s.common.fields.en})`).fill(criterion.en);
    await row.getByLabel(`${r.guidance} (${s.common.fields.fa})`).fill(criterion.guidanceFa);
    await row.getByLabel(`${r.guidance} (${s.common.fields.en})`).fill(criterion.guidanceEn);
    await row.getByLabel(r.weight).fill(formatNumber(criterion.weight, locale));
  }
  await page.getByRole('button', { name: r.save }).click();
  await page.getByRole('status').filter({ hasText: r.saved }).waitFor();
  // Weights 3, 2 and 1: the first is half of the total.
  await page.getByRole('row', { name: CRITERIA[0]![locale] }).getByText(new RegExp(formatNumber(50, locale))).waitFor();
  await expectAccessible(page, `rubric editor (${locale})`);
  await screenshot(page, `rubric-${locale}-desktop`);
}

/**
 * Staff close the call early with a reason, then move its review window to open today: on the day the call closed
 * the form sends the closing moment as the review's opening (a bare day would mean its start, before the call
 * closed, which the API refuses as out_of_order).
 */
export async function closeAndOpenReview(page: Page, server: Server, locale: Locale, callId: string) {
  const s = strings(locale);
  await page.goto(`${server.url}/staff/calls/${callId}`);
  await page.getByText(s.enums.CallPhase.open, { exact: true }).first().waitFor();
  await page.getByRole('button', { name: s.calls.close.start }).click();
  await page.getByLabel(s.calls.close.reason).fill(locale === 'fa' ? 'ایده‌های کافی رسیده است.' : 'Enough ideas have arrived.');
  await page.getByRole('button', { name: s.calls.close.confirm, exact: true }).click();
  await page.getByRole('status').filter({ hasText: s.calls.close.done }).waitFor();
  await page.getByText(s.enums.CallPhase.closed, { exact: true }).first().waitFor();
  await page.getByText(s.enums.EventKind.closed_early).waitFor();

  await chooseDay(page, locale, s.calls.form.reviewOpensAt, dayFromToday(0));
  await page.getByRole('button', { name: s.common.actions.save, exact: true }).click();
  await page.getByRole('status').filter({ hasText: s.calls.form.saved }).waitFor();
  await page.getByText(s.enums.CallPhase.in_review, { exact: true }).first().waitFor();
  await page.getByText(s.enums.EventKind.window_moved).waitFor();
  await expectAccessible(page, `call in review (${locale})`);
  await screenshot(page, `call-in-review-${locale}-desktop`);
}
