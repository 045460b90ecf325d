// The jury end to end on a fresh server: enrol, conflict, automatic assignment, reviews, ranking, decisions.
// Setup that is not the jury's (the call, its ideas, the reviews themselves) goes through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { expectAccessible, openBrowser, PASSWORD, screenshot, signIn, signOut, startServer, strings, useLocale, type Browser, type Locale, type Server } from './harness';
import { autoAssign, enrolReviewer, recordConflict } from './steps/jury';
import { rankDecideAndPublish } from './steps/ranking';

type Json = Record<string, unknown>;

async function call<T = Json>(server: Server, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function login(server: Server, email: string, password = PASSWORD): Promise<string> {
  const tokens = await call<Schema<'TokenResponse'>>(server, 'POST', '/auth/login', undefined, { email, password });
  return tokens.accessToken;
}

const DAY = 86_400_000;
const IDEAS = ['تبادل دانشجویی با فلورانس', 'جشنوارهٔ مشترک صنایع دستی', 'همکاری موزه‌های دو شهر'];
const CALL_TITLE = 'فراخوان آزمایشی هیئت داوران';

/** A call in its review window with three shortlisted ideas, a rubric, and three reviewers on the jury. */
async function setUp(server: Server) {
  server.createUser('staff@e2e.example', 'کارشناس آزمون', ['staff']);
  const staff = await login(server, 'staff@e2e.example');
  const now = Date.now();
  const created = await call<Schema<'CallView'>>(server, 'POST', '/calls', staff, {
    title: { fa: CALL_TITLE, en: 'Jury test call' },
    description: { fa: 'شرح فراخوان آزمایشی' },
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + DAY).toISOString(),
    reviewOpensAt: new Date(now + DAY).toISOString(),
    reviewClosesAt: new Date(now + 30 * DAY).toISOString(),
    domains: ['cultural', 'scientific'],
    reviewersPerIdea: 2,
  });
  const callId = created.id;
  await call(server, 'PUT', `/calls/${callId}/rubric`, staff, {
    criteria: [
      { key: 'impact', label: { fa: 'اثر بر جایگاه شهر', en: 'Impact' }, weight: 2, scaleMin: 1, scaleMax: 10 },
      { key: 'feasibility', label: { fa: 'امکان‌پذیری', en: 'Feasibility' }, weight: 1, scaleMin: 1, scaleMax: 5 },
    ],
  });
  const city = await call<Schema<'CityView'>>(server, 'POST', '/cities', staff, { name: { fa: 'فلورانس', en: 'Florence' }, country: 'IT' });
  const ideaIds: string[] = [];
  for (const [index, title] of IDEAS.entries()) {
    const email = `citizen${index}@e2e.example`;
    server.createUser(email, `شهروند ${index}`);
    const citizen = await login(server, email);
    const idea = await call<Schema<'IdeaView'>>(server, 'POST', '/ideas', citizen, {
      callId,
      title,
      domain: index === 1 ? 'scientific' : 'cultural',
      targetCityId: city.id,
      summary: 'خلاصهٔ ایده',
      body: 'متن کامل ایده برای آزمون.',
      channel: { kind: 'study', description: 'چهار سال تحصیل در آن شهر', years: 4 },
      expectedOutcomes: 'پیوند پایدار میان دو شهر',
    });
    await call(server, 'POST', `/ideas/${idea.id}/submit`, citizen);
    await call(server, 'POST', `/ideas/${idea.id}/screening`, staff, { decision: 'shortlist' });
    ideaIds.push(idea.id);
  }
  // Closed early, and the review window opened now.
  const closed = await call<Schema<'CallView'>>(server, 'POST', `/calls/${callId}/close`, staff, { note: 'آزمون' });
  await call(server, 'PATCH', `/calls/${callId}`, staff, { reviewOpensAt: new Date().toISOString() }, { 'If-Match': `"${closed.version}"` });

  const jurors = [
    { email: 'juror1@e2e.example', name: 'داور یکم', organisation: 'university' },
    { email: 'juror2@e2e.example', name: 'داور دوم', organisation: 'municipality' },
    { email: 'juror3@e2e.example', name: 'داور سوم', organisation: 'chamber_of_commerce' },
  ] as const;
  for (const juror of jurors) {
    server.createUser(juror.email, juror.name, ['reviewer']);
    await call(server, 'POST', '/reviewers', staff, {
      email: juror.email,
      displayName: juror.name,
      organisation: juror.organisation,
      expertise: ['cultural'],
      maxLoad: 10,
    });
  }
  return { staff, callId, ideaIds, jurors: jurors.map((juror) => juror.email) };
}

/** Each reviewer submits every review they hold, with scores that differ between reviewers. */
async function reviewAll(server: Server, tokens: string[]) {
  for (const [index, token] of tokens.entries()) {
    const mine = await call<Schema<'MyAssignments'>>(server, 'GET', '/me/assignments?limit=100', token);
    for (const [n, assignment] of mine.items.entries()) {
      await call(server, 'POST', `/ideas/${assignment.idea.id}/review/submit`, token, {
        scores: { impact: Math.min(10, 3 + index * 2 + n), feasibility: 1 + ((index + n) % 5) },
        commentToSubmitter: 'ایده‌ای روشن؛ برنامهٔ اجرا را دقیق‌تر کنید.',
        recommendation: index % 2 ? 'select' : 'discuss',
      });
    }
  }
}

describe.each(['fa', 'en'] as Locale[])('the jury, in %s', (locale) => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('enrols, assigns automatically, ranks, decides and publishes', async () => {
    const { callId, jurors } = await setUp(server);
    const { page } = browser;
    await page.goto(`${server.url}/login`);
    await useLocale(page, locale);
    await signIn(page, server, locale, 'staff@e2e.example');

    const newJuror = { email: 'new.juror@e2e.example', name: 'مریم کریمی', organisation: 'foreign_ministry' } as const;
    const path = await enrolReviewer(page, server, locale, newJuror);
    expect(path).toMatch(/^\/set-password\?token=.+/);
    const token = new URLSearchParams(path.split('?')[1]).get('token');
    await call(server, 'POST', '/auth/set-password', undefined, { token, password: PASSWORD });

    await recordConflict(page, server, locale, {
      reviewerName: 'داور یکم',
      callTitle: locale === 'en' ? 'Jury test call' : CALL_TITLE,
      ideaTitle: IDEAS[2]!,
      reason: 'همکار پیشنهاددهنده در دانشگاه',
    });

    const figures = await autoAssign(page, server, locale, callId);
    expect(figures).toEqual({ ideas: 3, newAssignments: 6 });

    const tokens = await Promise.all([...jurors, newJuror.email].map((email) => login(server, email)));
    await reviewAll(server, tokens);

    await rankDecideAndPublish(page, server, locale, callId, IDEAS[0]!);
    const decisions = await call<Schema<'DecisionList'>>(server, 'GET', `/calls/${callId}/decisions`, await login(server, 'staff@e2e.example'));
    expect(decisions.counts).toEqual({ selected: 1, notSelected: 2, undecided: 0 });
    expect(decisions.items.every((decision) => decision.published)).toBe(true);

    if (locale === 'fa') {
      // The same pages on a phone: nothing may overflow, and axe still passes.
      const phone = await openBrowser({ width: 360, height: 780 });
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
          const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${name} overflows at 360 px`).toBeLessThanOrEqual(0);
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
