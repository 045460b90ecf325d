// Ideas and reviews end to end on a fresh server: a citizen drafts and submits (Persian, then English), staff
// close the call, open its review window, shortlist and assign (by API, setup only), a reviewer scores both ideas
// in the browser, staff decide and publish (by API), and the citizen reads the result.
import { describe, expect, it } from 'vitest';
import { expectFitsPhone, freshServerAndBrowser, openBrowser, PHONE, screenshot, signIn, signOut, strings, useLocale } from './harness';
import { draftAndSubmitIdea, seeResult } from './steps/ideas';
import { scoreAssignedIdea } from './steps/reviews';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('ideas and reviews', () => {
  const fresh = freshServerAndBrowser();

  it('drafts and submits ideas, scores them as a reviewer, and shows the published result', async () => {
    const { server, browser } = fresh;
    server.createUser('staff@e2e.example', 'کارشناس', ['staff']);
    server.createUser('citizen@e2e.example', 'مریم شهروند');
    server.createUser('reviewer1@e2e.example', 'داور یکم', ['reviewer']);
    server.createUser('reviewer2@e2e.example', 'داور دوم', ['reviewer']);
    const staff = await server.signInApi('staff@e2e.example');

    const call = await server.api('POST', '/calls', {
      token: staff,
      body: {
        title: { fa: 'فراخوان آزمایشی ۱۴۰۵', en: 'Test call 1405' },
        description: { fa: 'ایده‌هایی برای پیوند با شهرهای جهان.', en: 'Ideas for ties with cities abroad.' },
        opensAt: day(-1),
        closesAt: day(10),
        reviewOpensAt: day(11),
        reviewClosesAt: day(40),
        domains: ['cultural', 'economic', 'tourism'],
        reviewersPerIdea: 2,
        blindReview: true,
      },
    });
    const callId = call.id as string;
    await server.api('PUT', `/calls/${callId}/rubric`, {
      token: staff,
      body: {
        criteria: [
          { key: 'impact', label: { fa: 'اثرگذاری', en: 'Impact' }, guidance: { fa: '۱ یعنی اثری اندک، ۵ یعنی اثری ماندگار بر پیوندهای شهر.', en: '1: little effect; 5: a lasting effect on the city’s ties.' }, weight: 3, scaleMin: 1, scaleMax: 5 },
          { key: 'feasibility', label: { fa: 'شدنی بودن', en: 'Feasibility' }, guidance: { fa: 'آیا پیشنهاددهنده می‌تواند آن را اجرا کند؟', en: 'Can the submitter carry it out?' }, weight: 2, scaleMin: 0, scaleMax: 10 },
          { key: 'cost', label: { fa: 'هزینهٔ معقول', en: 'Reasonable cost' }, weight: 1, scaleMin: 1, scaleMax: 3 },
        ],
      },
    });
    for (const [email, name, organisation] of [
      ['reviewer1@e2e.example', 'داور یکم', 'university'],
      ['reviewer2@e2e.example', 'داور دوم', 'municipality'],
    ] as const) {
      await server.api('POST', '/reviewers', { token: staff, body: { email, displayName: name, organisation, expertise: ['cultural'], maxLoad: 10 } });
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
    await server.api('POST', `/calls/${callId}/close`, { token: staff, body: { note: 'e2e' } });
    const closed = await server.api('GET', `/calls/${callId}`, { token: staff });
    await server.api('PATCH', `/calls/${callId}`, { token: staff, body: { reviewOpensAt: new Date().toISOString() }, headers: { 'If-Match': `"${closed.version as number}"` } });
    for (const id of [ideaFa, ideaEn]) await server.api('POST', `/ideas/${id}/screening`, { token: staff, body: { decision: 'shortlist' } });
    await server.api('POST', `/calls/${callId}/assignments/auto`, { token: staff, body: {} });

    // The first reviewer scores both in the browser; the second by API.
    await signIn(page, server, 'en', 'reviewer1@e2e.example');
    await useLocale(page, 'fa');
    const high = await scoreAssignedIdea(page, server, 'fa', { ideaTitle: titleFa, level: 'high' });
    await useLocale(page, 'en');
    const low = await scoreAssignedIdea(page, server, 'en', { ideaTitle: titleEn, level: 'low' });
    expect(high).toBeGreaterThan(low);
    // The live total is the server's: read the stored review back.
    const reviewer1 = await server.signInApi('reviewer1@e2e.example');
    const stored = await server.api('GET', `/ideas/${ideaFa}/review`, { token: reviewer1 });
    expect(Math.abs((stored.total as number) - high)).toBeLessThan(0.06);
    await signOut(page, 'en');

    const reviewer2 = await server.signInApi('reviewer2@e2e.example');
    for (const id of [ideaFa, ideaEn]) {
      await server.api('POST', `/ideas/${id}/review/submit`, {
        token: reviewer2,
        body: {
          scores: { impact: 4, feasibility: 7, cost: 2 },
          recommendation: 'discuss',
          commentToSubmitter: 'نظر داور دوم.',
        },
      });
    }

    // Staff decide and publish.
    await server.api('PUT', `/ideas/${ideaFa}/decision`, { token: staff, body: { outcome: 'selected' } });
    await server.api('PUT', `/ideas/${ideaEn}/decision`, { token: staff, body: { outcome: 'not_selected' } });
    await server.api('POST', `/calls/${callId}/decisions/publish`, { token: staff });

    await signIn(page, server, 'en', 'citizen@e2e.example');
    await seeResult(page, server, 'en', { ideaTitle: titleFa, outcome: 'selected' });
    await useLocale(page, 'fa');
    await seeResult(page, server, 'fa', { ideaTitle: titleEn, outcome: 'not_selected' });
    await signOut(page, 'fa');
  });

  it('fits a phone: the idea form, the idea page and the scoring form at 360 px', async () => {
    const { server } = fresh;
    const phone = await openBrowser(PHONE);
    try {
      const { page } = phone;
      await signIn(page, server, 'fa', 'citizen@e2e.example');
      await page.goto(`${server.url}/my/ideas`);
      await page.getByRole('table').waitFor();
      await screenshot(page, 'my-ideas-fa-phone');
      await page.getByRole('link', { name: 'هفتهٔ فرهنگی اصفهان در فلورانس' }).click();
      await page.getByRole('heading', { name: strings('fa').ideas.detail.history }).waitFor();
      await screenshot(page, 'idea-fa-phone');
      await expectFitsPhone(page, 'the idea page (fa)');
      await page.goto(`${page.url()}/edit`);
      await page.getByRole('timer').waitFor();
      await screenshot(page, 'idea-form-fa-phone');
      await expectFitsPhone(page, 'the idea form (fa)');
      await signOut(page, 'fa');
      await signIn(page, server, 'fa', 'reviewer1@e2e.example');
      await page.goto(`${server.url}/review`);
      await page.getByRole('link', { name: 'Isfahan crafts week in Florence' }).click();
      await page.getByRole('form', { name: strings('fa').reviews.form.title }).waitFor();
      await screenshot(page, 'scoring-form-fa-phone');
      await expectFitsPhone(page, 'the scoring form (fa)');
    } finally {
      await phone.close();
    }
  });
});
