// One story per locale, on a fresh server each: every role's journey through the real SPA in headless chromium,
// with axe-core on each page (serious or critical violations fail) and screenshots of the main pages.
import { describe, it } from 'vitest';
import { expectAccessible, expectFitsPhone, freshServerAndBrowser, openBrowser, PHONE, screenshot, signIn, signOut, strings, useLocale, type Locale } from './harness';
import { grantRole } from './steps/admin';
import { fillProfile, registerCitizen, setPassword } from './steps/account';
import { closeAndOpenReview, createCall, setRubric } from './steps/calls';
import { draftAndSubmitIdea } from './steps/ideas';
import { autoAssign, enrolReviewer } from './steps/jury';
import { browseRegister, recordPartnershipWithActivity } from './steps/partnerships';
import { seePublicResults } from './steps/public';
import { rankDecideAndPublish } from './steps/ranking';
import { scoreAssignedIdea } from './steps/reviews';
import { shortlistIdea } from './steps/screening';
import { seeResult } from './steps/ideas';

const story = {
  fa: { call: 'فراخوان دیپلمات شهروند ۱۴۰۵', idea: 'هفتهٔ فرهنگی اصفهان در فلورانس', city: 'فرایبورگ' },
  en: { call: 'Citizen Diplomat call 2026', idea: 'An Isfahan culture week in Florence', city: 'Freiburg' },
} satisfies Record<Locale, unknown>;

describe.each(['fa', 'en'] as const)('the journeys in %s', (locale) => {
  const names = story[locale];
  const admin = `admin.${locale}@e2e.test`;
  const staff = `staff.${locale}@e2e.test`;
  const citizen = `citizen.${locale}@e2e.test`;
  const reviewers = [
    { email: `juror1.${locale}@e2e.test`, name: 'Juror One', organisation: 'university' as const },
    { email: `juror2.${locale}@e2e.test`, name: 'Juror Two', organisation: 'chamber_of_commerce' as const },
  ];
  let callId = '';
  let ideaId = '';
  const setPasswordPaths: string[] = [];

  const fresh = freshServerAndBrowser(async ({ server, browser }) => {
    server.createUser(admin, 'Admin', ['admin']);
    server.createUser(staff, 'Staff');
    await browser.page.goto(server.url);
    await useLocale(browser.page, locale);
  });

  it('an admin makes a colleague staff', async () => {
    const { server, browser } = fresh;
    await signIn(browser.page, server, locale, admin);
    await grantRole(browser.page, server, locale, { email: staff, role: 'staff' });
    await signOut(browser.page, locale);
  });

  it('staff open a call with its rubric, enrol two reviewers and record a partnership', async () => {
    const { server, browser: { page } } = fresh;
    await signIn(page, server, locale, staff);
    callId = await createCall(page, server, locale, { title: names.call });
    await setRubric(page, server, locale, callId);
    for (const reviewer of reviewers) setPasswordPaths.push(await enrolReviewer(page, server, locale, reviewer));
    await recordPartnershipWithActivity(page, server, locale, { city: names.city, country: 'DE' });
    await signOut(page, locale);
  });

  it('the reviewers choose their passwords', async () => {
    const { server, browser } = fresh;
    for (const path of setPasswordPaths) await setPassword(browser.page, server, locale, path);
  });

  it('a citizen registers, tells of a tie abroad, drafts and submits an idea', async () => {
    const { server, browser: { page } } = fresh;
    await registerCitizen(page, server, locale, { email: citizen, name: 'Sara' });
    await fillProfile(page, server, locale);
    ideaId = await draftAndSubmitIdea(page, server, locale, { title: names.idea });
    await signOut(page, locale);
  });

  it('staff close the call, screen the idea and assign the jury automatically', async () => {
    const { server, browser: { page } } = fresh;
    await signIn(page, server, locale, staff);
    await closeAndOpenReview(page, server, locale, callId);
    await shortlistIdea(page, server, locale, callId, names.idea);
    await autoAssign(page, server, locale, callId);
    await signOut(page, locale);
  });

  it('two reviewers score the idea', async () => {
    const { server, browser: { page } } = fresh;
    for (const [index, reviewer] of reviewers.entries()) {
      await signIn(page, server, locale, reviewer.email);
      await scoreAssignedIdea(page, server, locale, { ideaTitle: names.idea, level: index === 0 ? 'high' : 'low' });
      await signOut(page, locale);
    }
  });

  it('staff read the ranking, decide and publish', async () => {
    const { server, browser: { page } } = fresh;
    await signIn(page, server, locale, staff);
    await rankDecideAndPublish(page, server, locale, callId, names.idea);
    await signOut(page, locale);
  });

  it('the citizen sees the result', async () => {
    const { server, browser: { page } } = fresh;
    await signIn(page, server, locale, citizen);
    await seeResult(page, server, locale, { ideaTitle: names.idea, outcome: 'selected' });
    await signOut(page, locale);
  });

  it('the public sees the selected idea, the charts and the register', async () => {
    const { server, browser } = fresh;
    await seePublicResults(browser.page, server, locale, { callTitle: names.call, ideaTitle: names.idea });
    await browseRegister(browser.page, server, locale, { city: names.city });
  });

  it('the main pages fit a 360-pixel phone, each role’s', async () => {
    const { server } = fresh;
    const phone = await openBrowser(PHONE);
    try {
      const { page } = phone;
      await page.goto(server.url);
      await useLocale(page, locale);
      const visit = async (name: string, path: string) => {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        await expectFitsPhone(page, `${name} (${locale})`);
        await expectAccessible(page, `${name} on a phone (${locale})`);
        await screenshot(page, `${name}-${locale}-phone`);
      };
      // The menu folds into a button on a phone and opens by keyboard.
      const menu = page.getByRole('button', { name: strings(locale).common.menu });
      await menu.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('navigation', { name: strings(locale).common.mainNavigation }).getByRole('link', { name: strings(locale).common.nav.stats }).waitFor();
      await screenshot(page, `menu-${locale}-phone`);

      for (const [name, path] of [['home', '/'], ['stats', '/stats'], ['selected', '/selected'], ['selected-idea', `/selected/${ideaId}`], ['sister-cities', '/sister-cities'], ['login', '/login']]) {
        await visit(name as string, path as string);
      }
      await signIn(page, server, locale, citizen);
      for (const [name, path] of [['my-ideas', '/my/ideas'], ['idea', `/my/ideas/${ideaId}`], ['profile', '/profile']]) await visit(name as string, path as string);
      await signOut(page, locale);
      await signIn(page, server, locale, reviewers[0]?.email ?? '');
      for (const [name, path] of [['my-assignments', '/review'], ['review', `/review/${ideaId}`]]) await visit(name as string, path as string);
      await signOut(page, locale);
      await signIn(page, server, locale, staff);
      const call = `/staff/calls/${callId}`;
      for (const [name, path] of [
        ['calls-list', '/staff/calls'],
        ['call', call],
        ['rubric', `${call}/rubric`],
        ['screening-queue', `${call}/screening`],
        ['assignments', `${call}/assignments`],
        ['ranking', `${call}/ranking`],
        ['decisions', `${call}/decisions`],
        ['call-stats', `${call}/stats`],
        ['reviewers', '/staff/reviewers'],
        ['staff-partnerships', '/staff/partnerships'],
      ]) {
        await visit(name as string, path as string);
      }
      await signOut(page, locale);
      await signIn(page, server, locale, admin);
      await visit('users', '/admin/users');
    } finally {
      await phone.close();
    }
  });
});
