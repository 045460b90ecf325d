// Journey steps of the administration: accounts and their roles.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Role } from '@/lib/api/types';
import { expectAccessible, screenshot, strings, useLocale, type Locale, type Server } from '../harness';

async function findUser(page: Page, locale: Locale, email: string) {
  const s = strings(locale).admin.users;
  await page.getByRole('searchbox', { name: s.q }).fill(email);
  await page.getByRole('button', { name: s.search, exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await row.waitFor();
  return row;
}

/** Signed-in admin: finds the account by e-mail, ticks the role and saves; after a reload the list shows it. */
export async function grantRole(page: Page, server: Server, locale: Locale, { email, role }: { email: string; role: Role }) {
  const s = strings(locale);
  const label = s.enums.Role[role];
  await page.goto(`${server.url}/admin/users`);
  await useLocale(page, locale);
  await page.getByRole('heading', { level: 1, name: s.admin.users.title }).waitFor();
  let row = await findUser(page, locale, email);
  await row.getByRole('checkbox', { name: label }).check();
  await row.getByRole('button', { name: s.admin.roles.save }).click();
  await row.getByRole('status').waitFor();

  await page.reload();
  row = await findUser(page, locale, email);
  expect(await row.getByRole('checkbox', { name: label }).isChecked()).toBe(true);
  expect(await row.getByRole('cell').first().textContent()).toContain(label);
  await expectAccessible(page, 'users (' + locale + ')');
  await screenshot(page, `users-${locale}-desktop`);
}
