// Ideas and reviews end to end on a fresh server: a citizen drafts and submits (Persian, then English), staff
// close the call, open its review window, shortlist and assign (by API, setup only), a reviewer scores both ideas
// in the browser, staff decide and publish (by API), and the citizen reads the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, PASSWORD, screenshot, signIn, signOut, strings, useLocale, type Browser, type Server, startServer } from './harness';
import { draftAndSubmitIdea, seeResult } from './steps/ideas';
import { scoreAssignedIdea } from './steps/reviews';

type Json = Record<string, unknown>;

async function token(server: Server, email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function caller(server: Server, bearer: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Json) : {};
  };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('ideas and reviews', () => {
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

  it('drafts and submits ideas, scores them as a reviewer, and shows the published result', async () => {
    server.createUser('staff@e2e.example', 'کارشناس', ['staff']);
    server.createUser('citizen@e2e.example', 'مریم شهروند');
    server.createUser('reviewer1@e2e.example', 'داور یکم', ['reviewer']);
    server.createUser('reviewer2@e2e.example', 'داور دوم', ['reviewer']);
    const staff = caller(server, await token(server, 'staff@e2e.example'));

    const call = await staff('POST', '/calls', {
      title: { fa: 'فراخوان آزمایشی ۱۴۰۵', en: 'Test call 1405' },
      description: { fa: 'ایده‌هایی برای پیوند با شهرهای جهان.', en: 'Ideas for ties with cities abroad.' },
      opensAt: day(-1),
      closesAt: day(10),
      reviewOpensAt: day(11),
      reviewClosesAt: day(40),
      domains: ['cultural', 'economic', 'tourism'],
      reviewersPerIdea: 2,
      blindReview: true,
    });
    const callId = call.id as string;
    await staff('PUT', `/calls/${callId}/rubric`, {
      criteria: [
        { key: 'impact', label: { fa: 'اثرگذاری', en: 'Impact' }, guidance: { fa: '۱ یعنی اثری اندک، ۵ یعنی اثری ماندگار بر پیوندهای شهر.', en: '1: little effect; 5: a lasting effect on the city’s ties.' }, weight: 3, scaleMin: 1, scaleMax: 5 },
        { key: 'feasibility', label: { fa: 'شدنی بودن', en: 'Feasibility' }, guidance: { fa: 'آیا پیشنهاددهنده می‌تواند آن را اجرا کند؟', en: 'Can the submitter carry it out?' }, weight: 2, scaleMin: 0, scaleMax: 10 },
        { key: 'cost', label: { fa: 'هزینهٔ معقول', en: 'Reasonable cost' }, weight: 1, scaleMin: 1, scaleMax: 3 },
      ],
    });
    for (const [email, name, organisation] of [
      ['reviewer1@e2e.example', 'داور یکم', 'university'],
      ['reviewer2@e2e.example', 'داور دوم', 'municipality'],
    ] as const) {
      await staff('POST', '/reviewers', { email, displayName: name, organisation, expertise: ['cultural'], maxLoad: 10 });
    }

    // The citizen, in Persian then in English.
    const { page } = browser;
    await signIn(page, server, 'fa', 'citizen@e2e.example');
    const titleFa = 'هفتهٔ فرهنگی اصفهان در فلورانس';
    const ideaFa = await draftAndSubmitIdea(page, server, 'fa', { title: titleFa });
    await useLocale(page, 'en');
    const titleEn = 'Isfahan crafts week in Florence';
    const ideaEn = await draftAndSubmitIdea(page, server, 'en', { title: titleEn });
    expect(ideaEn).not.toBe(ideaFa);
    await signOut(page, 'en');

    // Staff: close the call early, open the review window now, shortlist both ideas, assign the jury.
    await staff('POST', `/calls/${callId}/close`, { note: 'e2e' });
    const closed = await staff('GET', `/calls/${callId}`);
    await staff('PATCH', `/calls/${callId}`, { reviewOpensAt: new Date().toISOString() }, { 'If-Match': `"${closed.version as number}"` });
    for (const id of [ideaFa, ideaEn]) await staff('POST', `/ideas/${id}/screening`, { decision: 'shortlist' });
    await staff('POST', `/calls/${callId}/assignments/auto`, {});

    // The first reviewer scores both in the browser; the second by API.
    await signIn(page, server, 'en', 'reviewer1@e2e.example');
    await useLocale(page, 'fa');
    const high = await scoreAssignedIdea(page, server, 'fa', { ideaTitle: titleFa, level: 'high' });
    await useLocale(page, 'en');
    const low = await scoreAssignedIdea(page, server, 'en', { ideaTitle: titleEn, level: 'low' });
    expect(high).toBeGreaterThan(low);
    // The live total is the server's: read the stored review back.
    const reviewer1 = caller(server, await token(server, 'reviewer1@e2e.example'));
    const stored = await reviewer1('GET', `/ideas/${ideaFa}/review`);
    expect(Math.abs((stored.total as number) - high)).toBeLessThan(0.06);
    await signOut(page, 'en');

    const reviewer2 = caller(server, await token(server, 'reviewer2@e2e.example'));
    for (const id of [ideaFa, ideaEn]) {
      await reviewer2('POST', `/ideas/${id}/review/submit`, {
        scores: { impact: 4, feasibility: 7, cost: 2 },
        recommendation: 'discuss',
        commentToSubmitter: 'نظر داور دوم.',
      });
    }

    // Staff decide and publish.
    await staff('PUT', `/ideas/${ideaFa}/decision`, { outcome: 'selected' });
    await staff('PUT', `/ideas/${ideaEn}/decision`, { outcome: 'not_selected' });
    await staff('POST', `/calls/${callId}/decisions/publish`);

    await signIn(page, server, 'en', 'citizen@e2e.example');
    await seeResult(page, server, 'en', { ideaTitle: titleFa, outcome: 'selected' });
    await useLocale(page, 'fa');
    await seeResult(page, server, 'fa', { ideaTitle: titleEn, outcome: 'not_selected' });
    await signOut(page, 'fa');
  });

  it('fits a phone: the idea form, the idea page and the scoring form at 360 px', async () => {
    const phone = await openBrowser({ width: 360, height: 780 });
    try {
      const { page } = phone;
      await signIn(page, server, 'fa', 'citizen@e2e.example');
      await page.goto(`${server.url}/my/ideas`);
      await page.getByRole('table').waitFor();
      await screenshot(page, 'my-ideas-fa-phone');
      await page.getByRole('link', { name: 'هفتهٔ فرهنگی اصفهان در فلورانس' }).click();
      await page.getByRole('heading', { name: strings('fa').ideas.detail.history }).waitFor();
      await screenshot(page, 'idea-fa-phone');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.goto(`${page.url()}/edit`);
      await page.getByRole('timer').waitFor();
      await screenshot(page, 'idea-form-fa-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await signOut(page, 'fa');
      await signIn(page, server, 'fa', 'reviewer1@e2e.example');
      await page.goto(`${server.url}/review`);
      await page.getByRole('link', { name: 'Isfahan crafts week in Florence' }).click();
      await page.getByRole('form', { name: strings('fa').reviews.form.title }).waitFor();
      await screenshot(page, 'scoring-form-fa-phone');
      const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow2).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });
});
