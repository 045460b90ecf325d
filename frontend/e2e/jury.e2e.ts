// The jury end to end on a fresh server: enrol, conflict, automatic assignment, reviews, ranking, decisions.
// Setup that is not the jury's (the call, its ideas, the reviews themselves) goes through the API.
import { describe, expect, it } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { expectAccessible, expectFitsPhone, freshServerAndBrowser, openBrowser, PASSWORD, PHONE, screenshot, signIn, signOut, strings, useLocale, type Locale, type Server } from './harness';
import { autoAssign, enrolReviewer, recordConflict } from './steps/jury';
import { rankDecideAndPublish } from './steps/ranking';

const DAY = 86_400_000;
const IDEAS = ['تبادل دانشجویی با فلورانس', 'جشنوارهٔ مشترک صنایع دستی', 'همکاری موزه‌های دو شهر'];
const CALL_TITLE = 'فراخوان آزمایشی هیئت داوران';

/** A call in its review window with three shortlisted ideas, a rubric, and three reviewers on the jury. */
async function setUp(server: Server) {
  server.createUser('staff@e2e.example', 'کارشناس آزمون', ['staff']);
  const staff = await server.signInApi('staff@e2e.example');
  const now = Date.now();
  const created = await server.api<Schema<'CallView'>>('POST', '/calls', {
    token: staff,
    body: {
      title: { fa: CALL_TITLE, en: 'Jury test call' },
      description: { fa: 'شرح فراخوان آزمایشی' },
      opensAt: new Date(now - DAY).toISOString(),
      closesAt: new Date(now + DAY).toISOString(),
      reviewOpensAt: new Date(now + DAY).toISOString(),
      reviewClosesAt: new Date(now + 30 * DAY).toISOString(),
      domains: ['cultural', 'scientific'],
      reviewersPerIdea: 2,
    },
  });
  const callId = created.id;
  await server.api('PUT', `/calls/${callId}/rubric`, {
    token: staff,
    body: {
      criteria: [
        { key: 'impact', label: { fa: 'اثر بر جایگاه شهر', en: 'Impact' }, weight: 2, scaleMin: 1, scaleMax: 10 },
        { key: 'feasibility', label: { fa: 'امکان‌پذیری', en: 'Feasibility' }, weight: 1, scaleMin: 1, scaleMax: 5 },
      ],
    },
  });
  const city = await server.api<Schema<'CityView'>>('POST', '/cities', { token: staff, body: { name: { fa: 'فلورانس', en: 'Florence' }, country: 'IT' } });
  const ideaIds: string[] = [];
  for (const [index, title] of IDEAS.entries()) {
    const email = `citizen${index}@e2e.example`;
    server.createUser(email, `شهروند ${index}`);
    const citizen = await server.signInApi(email);
    const idea = await server.api<Schema<'IdeaView'>>('POST', '/ideas', {
      token: citizen,
      body: {
        callId,
        title,
        domain: index === 1 ? 'scientific' : 'cultural',
        targetCityId: city.id,
        summary: 'خلاصهٔ ایده',
        body: 'متن کامل ایده برای آزمون.',
        channel: { kind: 'study', description: 'چهار سال تحصیل در آن شهر', years: 4 },
        expectedOutcomes: 'پیوند پایدار میان دو شهر',
      },
    });
    await server.api('POST', `/ideas/${idea.id}/submit`, { token: citizen });
    await server.api('POST', `/ideas/${idea.id}/screening`, { token: staff, body: { decision: 'shortlist' } });
    ideaIds.push(idea.id);
  }
  // Closed early, and the review window opened now.
  const closed = await server.api<Schema<'CallView'>>('POST', `/calls/${callId}/close`, { token: staff, body: { note: 'آزمون' } });
  await server.api('PATCH', `/calls/${callId}`, { token: staff, body: { reviewOpensAt: new Date().toISOString() }, headers: { 'If-Match': `"${closed.version}"` } });

  const jurors = [
    { email: 'juror1@e2e.example', name: 'داور یکم', organisation: 'university' },
    { email: 'juror2@e2e.example', name: 'داور دوم', organisation: 'municipality' },
    { email: 'juror3@e2e.example', name: 'داور سوم', organisation: 'chamber_of_commerce' },
  ] as const;
  for (const juror of jurors) {
    server.createUser(juror.email, juror.name, ['reviewer']);
    await server.api('POST', '/reviewers', {
      token: staff,
      body: {
        email: juror.email,
        displayName: juror.name,
        organisation: juror.organisation,
        expertise: ['cultural'],
        maxLoad: 10,
      },
    });
  }
  return { staff, callId, ideaIds, jurors: jurors.map((juror) => juror.email) };
}

/** Each reviewer submits every review they hold, with scores that differ between reviewers. */
async function reviewAll(server: Server, tokens: string[]) {
  for (const [index, token] of tokens.entries()) {
    const mine = await server.api<Schema<'MyAssignmentListView'>>('GET', '/me/assignments?limit=100', { token });
    for (const [n, assignment] of mine.items.entries()) {
      await server.api('POST', `/ideas/${assignment.idea.id}/review/submit`, {
        token,
        body: {
          scores: { impact: Math.min(10, 3 + index * 2 + n), feasibility: 1 + ((index + n) % 5) },
          commentToSubmitter: 'ایده‌ای روشن؛ برنامهٔ اجرا را دقیق‌تر کنید.',
          recommendation: index % 2 ? 'select' : 'discuss',
        },
      });
    }
  }
}

describe.each(['fa', 'en'] as Locale[])('the jury, in %s', (locale) => {
  const fresh = freshServerAndBrowser();

  it('enrols, assigns automatically, ranks, decides and publishes', async () => {
    const { server, browser } = fresh;
    const { callId, jurors } = await setUp(server);
    const { page } = browser;
    await page.goto(`${server.url}/login`);
    await useLocale(page, locale);
    await signIn(page, server, locale, 'staff@e2e.example');

    const newJuror = { email: 'new.juror@e2e.example', name: 'مریم کریمی', organisation: 'foreign_ministry' } as const;
    const path = await enrolReviewer(page, server, locale, newJuror);
    expect(path).toMatch(/^\/set-password#token=.+/);
    const token = new URLSearchParams(path.split('#')[1]).get('token');
    await server.api('POST', '/auth/set-password', { body: { token, password: PASSWORD } });

    await recordConflict(page, server, locale, {
      reviewerName: 'داور یکم',
      callTitle: locale === 'en' ? 'Jury test call' : CALL_TITLE,
      ideaTitle: IDEAS[2]!,
      reason: 'همکار پیشنهاددهنده در دانشگاه',
    });

    const figures = await autoAssign(page, server, locale, callId);
    expect(figures).toEqual({ ideas: 3, newAssignments: 6 });

    const tokens = await Promise.all([...jurors, newJuror.email].map((email) => server.signInApi(email)));
    await reviewAll(server, tokens);

    await rankDecideAndPublish(page, server, locale, callId, IDEAS[0]!);
    const decisions = await server.api<Schema<'DecisionListView'>>('GET', `/calls/${callId}/decisions`, { token: await server.signInApi('staff@e2e.example') });
    expect(decisions.counts).toEqual({ selected: 1, notSelected: 2, undecided: 0 });
    expect(decisions.items.every((decision) => decision.published)).toBe(true);

    if (locale === 'fa') {
      // The same pages on a phone: nothing may overflow, and axe still passes.
      const phone = await openBrowser(PHONE);
      try {
        await phone.page.goto(`${server.url}/login`);
        await signIn(phone.page, server, locale, 'staff@e2e.example');
        const pages = [
          ['reviewers', '/staff/reviewers', strings(locale).jury.reviewers.title],
          ['conflicts', '/staff/conflicts', strings(locale).jury.conflicts.title],
          ['assignments', `/staff/calls/${callId}/assignments`, strings(locale).jury.board.byIdea],
          ['ranking', `/staff/calls/${callId}/ranking`, strings(locale).ranking.agreement.title],
          ['decisions', `/staff/calls/${callId}/decisions`, strings(locale).ranking.decisions.tally],
        ] as const;
        for (const [name, url, heading] of pages) {
          await phone.page.goto(`${server.url}${url}`);
          await phone.page.getByRole('heading', { name: heading }).first().waitFor();
          await expectFitsPhone(phone.page, `${name} (${locale}, phone)`);
          await expectAccessible(phone.page, `${name} (${locale}, phone)`);
          await screenshot(phone.page, `${name}-${locale}-phone`);
        }
      } finally {
        await phone.close();
      }
    }
    await signOut(page, locale);
  });
});
