// Journey steps of the account pages: registering, the profile with a tie abroad, choosing a password.
import type { Page } from 'playwright-core';
import { PASSWORD, expectAccessible, screenshot, strings, useLocale, type Locale, type Server } from '../harness';

/** Registers a citizen through /register, in `locale`; ends signed in, on the profile page. */
export async function registerCitizen(page: Page, server: Server, locale: Locale, { email, name }: { email: string; name: string }) {
  const s = strings(locale);
  await page.goto(`${server.url}/register`);
  await useLocale(page, locale);
  await page.getByRole('heading', { level: 1, name: s.account.register.title }).waitFor();
  await page.getByLabel(s.account.fields.displayName).fill(name);
  await page.getByLabel(s.account.fields.email).fill(email);
  await page.getByLabel(s.account.fields.password).fill(PASSWORD);
  await page.getByLabel(s.account.fields.locale).selectOption(locale);
  await expectAccessible(page, `register (${locale})`);
  await screenshot(page, `register-${locale}-desktop`);
  await page.getByRole('button', { name: s.account.register.submit }).click();
  await page.waitForURL((url) => url.pathname === '/profile');
  await page.getByRole('heading', { level: 1, name: s.account.profile.title }).waitFor();
  await page.getByRole('button', { name: s.common.nav.signOut, exact: true }).waitFor();
}

/** On /profile: adds one tie abroad (Freiburg, Germany, study, since 2015), saves, and checks it was kept. */
export async function fillProfile(page: Page, server: Server, locale: Locale) {
  const s = strings(locale);
  const p = s.account.profile;
  if (new URL(page.url()).pathname !== '/profile') await page.goto(`${server.url}/profile`);
  await page.getByRole('heading', { level: 1, name: p.title }).waitFor();
  const form = page.getByRole('form', { name: p.citizen });
  const before = await form.getByRole('group', { name: p.ties }).getByRole('listitem').count();
  await form.getByRole('button', { name: p.addTie }).click();
  const tie = form.getByRole('group', { name: tieName(locale, before + 1), exact: true });
  await tie.getByLabel(p.city).fill('Freiburg');
  await tie.getByLabel(p.country).selectOption('DE');
  await tie.getByLabel(p.nature).selectOption('study');
  await tie.getByLabel(p.since).fill('2015');
  await form.getByRole('button', { name: s.common.actions.save }).click();
  await form.getByRole('status').filter({ hasText: p.citizenSaved }).waitFor();
  await expectAccessible(page, `profile (${locale})`);
  await screenshot(page, `profile-${locale}-desktop`);
  // Kept by the server: a fresh page shows it.
  await page.reload();
  const saved = page.getByRole('form', { name: p.citizen }).getByRole('group', { name: tieName(locale, before + 1), exact: true });
  const city = await saved.getByLabel(p.city).inputValue();
  const country = await saved.getByLabel(p.country).inputValue();
  if (city !== 'Freiburg' || country !== 'DE') throw new Error(`the tie was not saved: ${city}, ${country}`);
}

/** "Tie 2" / "پیوند ۲": the legend of the n-th tie (1-based). */
function tieName(locale: Locale, n: number): string {
  const digits = locale === 'fa' ? String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d) : String(n);
  return strings(locale).account.profile.tie.replace('{{n}}', digits);
}

/**
 * Opens the set-password link staff were shown (`/set-password#token=…`), sees the token leave the address bar, sets
 * PASSWORD, and lands on /login.
 */
export async function setPassword(page: Page, server: Server, locale: Locale, setPasswordPath: string) {
  const s = strings(locale);
  await page.goto(`${server.url}${setPasswordPath}`);
  // Read, then gone from the address bar and this history entry.
  await page.waitForURL((url) => url.pathname === '/set-password' && !url.hash && !url.search);
  await useLocale(page, locale);
  await page.getByRole('heading', { level: 1, name: s.account.setPassword.title }).waitFor();
  await page.getByLabel(s.account.fields.newPassword).fill(PASSWORD);
  await page.getByLabel(s.account.fields.repeatPassword).fill(PASSWORD);
  await expectAccessible(page, `set password (${locale})`);
  await screenshot(page, `set-password-${locale}-desktop`);
  await page.getByRole('button', { name: s.account.setPassword.submit }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByRole('status').filter({ hasText: s.account.login.passwordSet }).waitFor();
}
