// Journey steps of the sister-city register: staff record a partnership and its activities, anyone reads them.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { toJalali } from '@/lib/format/dates';
import { expectAccessible, screenshot, strings, useLocale, type Locale, type Server } from '../harness';

/** Picks a day in a DateField: Jalali selects in Persian, the date input in English. */
export async function fillDay(scope: Locator, locale: Locale, label: string, isoDay: string) {
  const s = strings(locale);
  if (locale === 'en') {
    await scope.getByLabel(label, { exact: true }).fill(isoDay);
    return;
  }
  const day = toJalali(isoDay);
  if (!day) throw new Error(`not a day: ${isoDay}`);
  const group = scope.getByRole('group', { name: label, exact: true });
  await group.getByRole('combobox', { name: s.common.fields.year }).selectOption(String(day.year));
  await group.getByRole('combobox', { name: s.common.fields.month }).selectOption(String(day.month));
  await group.getByRole('combobox', { name: s.common.fields.day }).selectOption(String(day.day));
}

/** The activity a step records with a city, as the timeline shows it in the locale. */
export function activityTitle(locale: Locale, city: string): { fa: string; en: string; shown: string } {
  const fa = `وبینار شهرداران اصفهان و ${city}`;
  const en = `Mayors' webinar: Isfahan and ${city}`;
  return { fa, en, shown: locale === 'fa' ? fa : en };
}

/**
 * Signed-in staff: records a partnership with a new city (named `city` in both languages), then an activity with
 * it; the partnership's page shows the activity and the staff list shows the city.
 */
export async function recordPartnershipWithActivity(page: Page, server: Server, locale: Locale, { city, country }: { city: string; country: string }) {
  const s = strings(locale);
  const p = s.partnerships;
  await page.goto(`${server.url}/staff/partnerships`);
  await useLocale(page, locale);
  await page.getByRole('heading', { level: 1, name: p.staff.title }).waitFor();
  await page.getByRole('button', { name: p.staff.record }).click();

  const form = page.getByRole('form', { name: p.staff.recordTitle });
  await form.getByRole('radio', { name: p.staff.newCity }).check();
  await form.getByLabel(`${p.staff.cityName} (${s.common.fields.fa})`).fill(city);
  await form.getByLabel(`${p.staff.cityName} (${s.common.fields.en})`).fill(city);
  await form.getByRole('combobox', { name: p.staff.country }).selectOption(country);
  await form.getByRole('combobox', { name: p.staff.kind }).selectOption('sister_city');
  await form.getByRole('combobox', { name: p.staff.state }).selectOption('active');
  await fillDay(form, locale, p.staff.signedOn, '2024-05-01');
  await expectAccessible(page, 'record a partnership (' + locale + ')');
  await form.getByRole('button', { name: p.staff.submit }).click();

  await page.getByRole('heading', { level: 1, name: city }).waitFor();
  await page.getByRole('button', { name: p.activity.add }).click();
  const activity = page.getByRole('form', { name: p.activity.addTitle });
  const title = activityTitle(locale, city);
  await fillDay(activity, locale, p.activity.occurredOn, '2025-06-10');
  await activity.getByRole('combobox', { name: p.activity.kind }).selectOption('webinar');
  await activity.getByRole('combobox', { name: p.activity.direction }).selectOption('joint');
  await activity.getByLabel(`${p.activity.title} (${s.common.fields.fa})`).fill(title.fa);
  await activity.getByLabel(`${p.activity.title} (${s.common.fields.en})`).fill(title.en);
  await activity.getByLabel(`${p.activity.outcomes} (${s.common.fields.fa})`).fill('توافق بر سر برگزاری جشنوارهٔ مشترک');
  await expectAccessible(page, 'add an activity (' + locale + ')');
  await activity.getByRole('button', { name: p.activity.submit }).click();

  await page.getByRole('status').filter({ hasText: p.activity.added }).waitFor();
  const timeline = page.getByRole('list', { name: p.timeline.label });
  await timeline.getByRole('heading', { name: title.shown }).waitFor();
  expect(await timeline.getByText(s.enums.ActivityKind.webinar).count()).toBeGreaterThan(0);
  await expectAccessible(page, 'staff partnership (' + locale + ')');
  await screenshot(page, `staff-partnership-${locale}-desktop`);

  await page.getByRole('link', { name: s.common.nav.partnerships }).click();
  await page.getByRole('heading', { level: 1, name: p.staff.title }).waitFor();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: city, exact: true }) });
  await row.waitFor();
  expect(await row.textContent()).toContain(s.enums.PartnershipState.active);
  await expectAccessible(page, 'staff partnerships (' + locale + ')');
  await screenshot(page, `staff-partnerships-${locale}-desktop`);
  return { activity: title.shown };
}

/**
 * Signed out: the public register lists the city with its state; the partnership's page shows its activity
 * (`activity`, when given, by its title).
 */
export async function browseRegister(page: Page, server: Server, locale: Locale, { city, activity, state = 'active' }: { city: string; activity?: string; state?: keyof ReturnType<typeof strings>['enums']['PartnershipState'] }) {
  const s = strings(locale);
  const p = s.partnerships;
  await page.goto(`${server.url}/sister-cities`);
  await useLocale(page, locale);
  await page.getByRole('heading', { level: 1, name: p.register.title }).waitFor();
  const link = page.getByRole('link', { name: city, exact: true });
  const row = page.getByRole('row').filter({ has: link });
  await row.waitFor();
  expect(await row.textContent()).toContain(s.enums.PartnershipState[state]);
  await expectAccessible(page, 'sister cities (' + locale + ')');
  await screenshot(page, `register-${locale}-desktop`);

  await link.click();
  await page.getByRole('heading', { level: 1, name: city }).waitFor();
  const timeline = page.getByRole('list', { name: p.timeline.label });
  await timeline.getByRole('listitem').first().waitFor();
  if (activity) await timeline.getByRole('heading', { name: activity }).waitFor();
  await expectAccessible(page, 'partnership (' + locale + ')');
  await screenshot(page, `partnership-${locale}-desktop`);
}

/** Signed-in staff: records a city network the municipality joined; the list shows it as a current membership. */
export async function recordNetwork(page: Page, server: Server, locale: Locale, { name }: { name: string }) {
  const s = strings(locale);
  const n = s.partnerships.networks;
  await page.goto(`${server.url}/staff/networks`);
  await useLocale(page, locale);
  await page.getByRole('heading', { level: 1, name: n.title }).waitFor();
  await page.getByRole('button', { name: n.add }).click();
  const form = page.getByRole('form', { name: n.addTitle });
  await form.getByLabel(`${n.name} (${s.common.fields.fa})`).fill(name);
  await form.getByLabel(`${n.name} (${s.common.fields.en})`).fill(name);
  await form.getByLabel(`${n.role} (${s.common.fields.fa})`).fill('عضو');
  await form.getByLabel(n.website).fill('https://example.org/network');
  await fillDay(form, locale, n.joinedOn, '2023-09-14');
  await form.getByRole('button', { name: n.submit }).click();
  await page.getByRole('status').filter({ hasText: n.added }).waitFor();
  const row = page.getByRole('row').filter({ hasText: name });
  await row.waitFor();
  expect(await row.textContent()).toContain(n.current);
  await expectAccessible(page, 'networks (' + locale + ')');
  await screenshot(page, `networks-${locale}-desktop`);
}
