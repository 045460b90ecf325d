// A reviewer's steps: score an assigned idea and see the others' reviews.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible, screenshot, strings, type Locale, type Server } from '../harness';
import { latin } from './ideas';

/**
 * A signed-in reviewer: my reviews → the idea → every criterion scored (high: the top of each scale but one step
 * below on the last; low: the bottom but one step above on the last) → the live total follows → submit, confirmed
 * → the others' reviews section shows, mine in it.
 */
export async function scoreAssignedIdea(
  page: Page,
  server: Server,
  locale: Locale,
  { ideaTitle, level }: { ideaTitle: string; level: 'high' | 'low' },
) {
  const s = strings(locale);
  await page.goto(`${server.url}/review`);
  await page.getByRole('heading', { level: 1, name: s.reviews.list.title }).waitFor();
  await page.getByRole('link', { name: ideaTitle }).waitFor();
  await expectAccessible(page, `my assignments (${locale})`);
  await screenshot(page, `my-assignments-${locale}-desktop`);

  await page.getByRole('link', { name: ideaTitle }).click();
  await page.getByRole('heading', { level: 1, name: ideaTitle }).waitFor();
  const sheet = page.getByRole('form', { name: s.reviews.form.title });
  const total = sheet.locator('output');
  await total.waitFor();
  expect(await total.textContent()).toBe('—');

  const controls = sheet.getByRole('group', { name: s.reviews.form.criteriaLegend }).locator('select, input');
  const count = await controls.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    const last = i === count - 1;
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') {
      const values = (await control.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
      const index = level === 'high' ? values.length - 1 - (last ? 1 : 0) : last ? 1 : 0;
      await control.selectOption(values[index] as string);
    } else {
      const min = Number(await control.getAttribute('data-scale-min'));
      const max = Number(await control.getAttribute('data-scale-max'));
      await control.fill(String(level === 'high' ? max - (last ? 1 : 0) : min + (last ? 1 : 0)));
    }
    // The total appears once the last criterion is scored, and not before.
    if (!last) expect(await total.textContent()).toBe('—');
  }
  const shown = latin((await total.textContent()) ?? '');
  const value = Number.parseFloat(shown.replace('٫', '.'));
  expect(value).toBeGreaterThanOrEqual(0);
  if (level === 'high') expect(value).toBeGreaterThan(50);
  else expect(value).toBeLessThan(50);

  await sheet.getByLabel(s.reviews.form.recommendation).selectOption(level === 'high' ? 'select' : 'do_not_select');
  await sheet.getByLabel(s.reviews.form.commentToSubmitter).fill(
    level === 'high'
      ? locale === 'fa' ? 'ایده‌ای روشن و شدنی؛ آفرین.' : 'A clear, feasible idea: well done.'
      : locale === 'fa' ? 'ایده به برنامهٔ اجرایی روشن‌تری نیاز دارد.' : 'The idea needs a clearer plan.',
  );
  await expectAccessible(page, `scoring form (${locale})`);
  await screenshot(page, `scoring-form-${locale}-desktop`);

  await sheet.getByRole('button', { name: s.reviews.form.submit }).click();
  await sheet.getByRole('button', { name: s.reviews.form.confirmYes }).click();
  await sheet.getByRole('status').filter({ hasText: s.reviews.form.submitted }).waitFor();
  const others = page.getByRole('region', { name: s.reviews.others.title });
  await others.getByRole('article', { name: s.reviews.others.mine }).waitFor();
  await expectAccessible(page, `others' reviews (${locale})`);
  await screenshot(page, `review-submitted-${locale}-desktop`);
  return value;
}
