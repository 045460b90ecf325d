// A citizen's steps with ideas: draft and submit one, and read its published result.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible, screenshot, strings, type Locale, type Server } from '../harness';

/** Persian or Arabic digits as Latin ones, to read numbers off a page in either locale. */
export const latin = (text: string) => text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)));

/**
 * A signed-in citizen, on the one open call: my ideas → propose → fill every section (adding the target city to
 * the list when it is missing) → save the draft → submit. Returns the idea's id, from the page's address.
 */
export async function draftAndSubmitIdea(page: Page, server: Server, locale: Locale, { title }: { title: string }): Promise<string> {
  const s = strings(locale);
  const f = s.ideas.form.fields;
  await page.goto(`${server.url}/my/ideas`);
  await page.getByRole('heading', { level: 1, name: s.ideas.list.title }).waitFor();
  await page.getByRole('table').or(page.getByText(s.ideas.list.empty)).first().waitFor();
  await expectAccessible(page, `my ideas (${locale})`);
  await screenshot(page, `my-ideas-${locale}-desktop`);

  await page.getByRole('link', { name: s.ideas.list.propose }).click();
  await page.getByRole('heading', { level: 1, name: s.ideas.form.newTitle }).waitFor();
  await page.getByLabel(f.title).fill(title);
  await page.getByLabel(f.summary).fill(locale === 'fa' ? 'چکیدهٔ کوتاه ایده برای داوران.' : 'A short summary for the reviewers.');
  await page.getByLabel(f.body).fill(
    locale === 'fa'
      ? 'شرح کامل ایده: هر سال یک هفتهٔ فرهنگی در هر دو شهر، با نمایشگاه صنایع دستی و کارگاه‌های مشترک.'
      : 'The full idea: a cultural week in both cities every year, with a crafts exhibition and joint workshops.',
  );
  await page.getByLabel(f.domain).selectOption('cultural');
  const cities = page.waitForResponse((response) => response.url().includes('/api/v1/cities?'));
  await page.getByLabel(f.country).selectOption('IT');
  await cities;
  // The answer has arrived; wait until the form has drawn it: a city to choose, or the note that there is none.
  const city = page.getByLabel(f.city);
  await city.locator('option').nth(1).or(page.getByText(f.noCities)).first().waitFor({ state: 'attached' });
  if ((await city.locator('option').count()) > 1) {
    await city.selectOption({ index: 1 });
  } else {
    await page.getByRole('button', { name: f.addCity }).click();
    await page.getByLabel(`${f.newCityName} (${s.common.fields.fa})`).fill('فلورانس');
    await page.getByLabel(`${f.newCityName} (${s.common.fields.en})`).fill('Florence');
    await page.getByRole('button', { name: f.saveCity }).click();
    await page.getByText(f.cityAdded).waitFor();
  }
  await page.getByLabel(f.channelKind).selectOption('study');
  await page.getByLabel(f.channelDescription).fill(locale === 'fa' ? 'چهار سال در فلورانس درس خوانده‌ام.' : 'I studied in Florence for four years.');
  await page.getByLabel(f.channelYears).fill(locale === 'fa' ? '۴' : '4');
  await page.getByLabel(f.expectedOutcomes).fill(locale === 'fa' ? 'گردشگر بیشتر و پیوندی پایدار میان دو شهر.' : 'More visitors and a lasting tie between the two cities.');

  await page.getByRole('button', { name: s.ideas.form.saveDraft }).click();
  await page.getByRole('status').filter({ hasText: s.ideas.form.saved }).waitFor();
  await page.waitForURL(/\/my\/ideas\/[0-9a-f-]+\/edit$/);
  await page.getByRole('timer').first().waitFor();
  await expectAccessible(page, `idea form (${locale})`);
  await screenshot(page, `idea-form-${locale}-desktop`);

  await page.getByRole('button', { name: s.ideas.form.submit }).click();
  await page.waitForURL(/\/my\/ideas\/[0-9a-f-]+$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByText(s.ideas.detail.submitted).waitFor();
  await page.getByRole('definition').getByText(s.enums.IdeaState.submitted, { exact: true }).waitFor();
  // The history says it was created and submitted.
  const history = page.getByRole('heading', { name: s.ideas.detail.history }).locator('xpath=..');
  await history.getByText(s.enums.EventKind.submitted, { exact: true }).waitFor();
  await expectAccessible(page, `idea page (${locale})`);
  await screenshot(page, `idea-${locale}-desktop`);
  const id = new URL(page.url()).pathname.split('/').pop();
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id as string;
}

/** A signed-in citizen: my ideas → the idea → the published result with the jury's outcome. */
export async function seeResult(
  page: Page,
  server: Server,
  locale: Locale,
  { ideaTitle, outcome }: { ideaTitle: string; outcome: 'selected' | 'not_selected' },
) {
  const s = strings(locale);
  await page.goto(`${server.url}/my/ideas`);
  await page.getByRole('link', { name: ideaTitle }).click();
  await page.getByRole('heading', { level: 1, name: ideaTitle }).waitFor();
  const result = page.getByRole('heading', { name: s.ideas.detail.result }).locator('xpath=..');
  await result.getByText(s.enums.DecisionOutcome[outcome], { exact: true }).waitFor();
  await result.getByRole('heading', { name: s.ideas.detail.comments }).waitFor();
  await expectAccessible(page, `idea result (${locale})`);
  await screenshot(page, `idea-result-${locale}-desktop`);
}
