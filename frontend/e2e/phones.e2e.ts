// Every page of every role on a phone: at 360 and 390 pixels, in Persian and English, its forms unfolded and both
// empty and filled with long text, the page may not stick out sideways. One server with content of realistic
// length (long titles, e-mail addresses, web addresses) made through the API, one phone per role. A new page is a
// line in PAGES.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureFit, openBrowser, PASSWORD, PHONE, screenshot, signIn, startServer, strings, useLocale, type Json, type Locale, type Server } from './harness';

const WIDTHS = [360, 390] as const;
const other = (locale: Locale): Locale => (locale === 'fa' ? 'en' : 'fa');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Text as long as people write it: a title near its limit, an address with no place to break. */
const LONG = {
  fa: 'هفتهٔ مشترک صنایع دستی اصفهان و فلورانس: کارگاه‌های میناکاری، خاتم‌کاری و قلم‌زنی برای هنرجویان هر دو شهر، با نمایشگاه‌های سیار در موزه‌ها و دانشگاه‌ها',
  en: 'A joint crafts week of Isfahan and Florence: enamelling, marquetry and engraving workshops for the students of both cities, with travelling exhibitions in museums and universities',
  url: 'https://www.international-relations.isfahan.example.org/partnerships/sister-cities/florence/crafts-week-1405/programme-and-registration',
  email: 'maryam.hosseini-nezhad.citizen-diplomacy@international-relations.isfahan.example.org',
  name: 'مریم حسینی‌نژاد اصفهانی، کارشناس ارشد روابط بین‌الملل و دیپلماسی شهری',
  word: 'بین‌المللی‌سازی‌همکاری‌های‌فرهنگی‌شهرداری‌اصفهان‌با‌شهرهای‌خواهرخوانده',
};
const body = (locale: Locale) => `${LONG[locale]}\n\n${LONG.word} — ${LONG.url}\n\n${LONG[locale]}`;
const bilingual = (fa: string, en: string) => ({ fa, en });

/** What the set-up made, for the pages' addresses. */
type Ids = {
  callOpen: string;
  callReview: string;
  draft: string;
  submitted: string;
  unscreened: string;
  pending: string;
  reviewed: string;
  selected: string;
  partnership: string;
};
type Strings = ReturnType<typeof strings>;
type Role = 'public' | 'citizen' | 'reviewer' | 'staff' | 'admin';

type Visit = {
  name: string;
  path: (ids: Ids) => string;
  /** Buttons (by their exact names) pressed once the page is there, to unfold what they show: a form, a confirmation. */
  press?: (s: Strings) => string[];
};

/**
 * The pages, by who sees them. Besides what `press` names, every button of the page that says it unfolds something
 * (aria-expanded="false") is pressed, and every folded block (<details>) opened.
 */
const PAGES: Record<Role, Visit[]> = {
  public: [
    { name: 'home', path: () => '/' },
    { name: 'stats', path: () => '/stats' },
    { name: 'selected ideas', path: () => '/selected' },
    { name: 'selected idea', path: (id) => `/selected/${id.selected}` },
    { name: 'sister cities', path: () => '/sister-cities' },
    { name: 'partnership', path: (id) => `/sister-cities/${id.partnership}` },
    { name: 'login', path: () => '/login' },
    { name: 'register', path: () => '/register' },
    { name: 'set password', path: () => '/set-password#token=a-one-time-token-from-the-link' },
    { name: 'not found', path: () => '/no-such-page' },
  ],
  citizen: [
    { name: 'my ideas', path: () => '/my/ideas' },
    { name: 'new idea', path: () => '/my/ideas/new', press: (s) => [s.ideas.form.fields.addPartner] },
    { name: 'draft idea', path: (id) => `/my/ideas/${id.draft}/edit` },
    { name: 'submitted idea', path: (id) => `/my/ideas/${id.submitted}`, press: (s) => [s.ideas.detail.withdraw] },
    { name: 'idea and its result', path: (id) => `/my/ideas/${id.selected}` },
    { name: 'citizen profile', path: () => '/profile', press: (s) => [s.account.profile.addTie] },
  ],
  reviewer: [
    { name: 'my assignments', path: () => '/review' },
    { name: 'scoring form', path: (id) => `/review/${id.pending}`, press: (s) => [s.reviews.conflict.declare] },
    { name: 'submitted review', path: (id) => `/review/${id.reviewed}` },
  ],
  staff: [
    { name: 'calls', path: () => '/staff/calls' },
    { name: 'new call', path: () => '/staff/calls/new' },
    { name: 'open call', path: (id) => `/staff/calls/${id.callOpen}`, press: (s) => [s.calls.close.start] },
    { name: 'rubric', path: (id) => `/staff/calls/${id.callOpen}/rubric` },
    { name: 'call in review', path: (id) => `/staff/calls/${id.callReview}` },
    { name: 'screening queue', path: (id) => `/staff/calls/${id.callReview}/screening` },
    { name: 'idea screening', path: (id) => `/staff/calls/${id.callReview}/screening/${id.unscreened}` },
    { name: 'assignments', path: (id) => `/staff/calls/${id.callReview}/assignments` },
    { name: 'ranking', path: (id) => `/staff/calls/${id.callReview}/ranking` },
    { name: 'decisions', path: (id) => `/staff/calls/${id.callReview}/decisions` },
    { name: 'call stats', path: (id) => `/staff/calls/${id.callReview}/stats` },
    { name: 'reviewers', path: () => '/staff/reviewers' },
    { name: 'conflicts', path: () => '/staff/conflicts' },
    { name: 'partnerships', path: () => '/staff/partnerships' },
    { name: 'staff partnership', path: (id) => `/staff/partnerships/${id.partnership}`, press: (s) => [s.partnerships.edit.addFocal] },
    { name: 'networks', path: () => '/staff/networks' },
    { name: 'second factor', path: () => '/second-factor', press: (s) => [s.account.secondFactor.setUp] },
    { name: 'staff profile', path: () => '/profile' },
  ],
  admin: [
    { name: 'users', path: () => '/admin/users' },
    { name: 'audit', path: () => '/admin/audit' },
  ],
};

const ACCOUNTS: Record<Exclude<Role, 'public'>, string> = {
  citizen: LONG.email,
  reviewer: `juror.${LONG.email}`,
  staff: `staff.${LONG.email}`,
  admin: `admin.${LONG.email}`,
};

/** Content of every kind the pages show, through the API: three calls (open, in review, published) and the rest. */
async function setUp(server: Server): Promise<Ids> {
  server.createUser(ACCOUNTS.admin, LONG.name, ['admin']);
  server.createUser(ACCOUNTS.staff, LONG.name, ['staff']);
  server.createUser(ACCOUNTS.citizen, LONG.name);
  const staff = await server.signInApi(ACCOUNTS.staff);
  const citizen = await server.signInApi(ACCOUNTS.citizen);
  const post = <T = Json>(token: string, path: string, body: unknown = {}) => server.api<T>('POST', path, { token, body });

  await server.api('PATCH', '/me', {
    token: citizen,
    body: {
      profile: {
        occupationCategory: 'artist_or_cultural_activist',
        languages: ['fa', 'en', 'it', 'de', 'ar', 'fr'],
        ties: [
          { city: 'Firenze (Florence), Toscana', country: 'IT', nature: 'study', since: 2015 },
          { city: 'Freiburg im Breisgau, Baden-Württemberg', country: 'DE', nature: 'work', since: 2019 },
        ],
      },
    },
  });

  const reviewers: string[] = [];
  for (const [n, organisation] of [[1, 'council_research_centre'], [2, 'chamber_of_commerce']] as const) {
    const email = n === 1 ? ACCOUNTS.reviewer : `juror${n}.${LONG.email}`;
    const enrolled = await post<{ reviewer: { id: string }; passwordToken: { token: string } | null }>(staff, '/reviewers', {
      email,
      displayName: `${LONG.name} ${n}`,
      organisation,
      expertise: ['cultural', 'economic', 'scientific', 'tourism', 'urban_services', 'health_and_crisis_relief'],
      maxLoad: 10,
    });
    if (!enrolled.passwordToken) throw new Error('a new reviewer has no password token');
    await server.api('POST', '/auth/set-password', { body: { token: enrolled.passwordToken.token, password: PASSWORD } });
    reviewers.push(enrolled.reviewer.id);
  }
  const [juror1, juror2] = await Promise.all([server.signInApi(ACCOUNTS.reviewer), server.signInApi(`juror2.${LONG.email}`)]);

  const city = async (fa: string, en: string, country: string) => (await post<{ id: string }>(staff, '/cities', { name: bilingual(fa, en), country })).id;
  const florence = await city('فلورانس (فیرنتسه)، مرکز استان توسکانی', 'Florence (Firenze), the capital of Tuscany', 'IT');
  const freiburg = await city('فرایبورگ در برایسگاو، بادن-وورتمبرگ', 'Freiburg im Breisgau, Baden-Württemberg', 'DE');
  const partnership = await post<{ id: string }>(staff, '/partnerships', {
    cityId: freiburg,
    kind: 'sister_city',
    state: 'active',
    signedOn: '2019-05-01',
    focalPoints: [{ name: LONG.name, role: 'رابط ادارهٔ روابط بین‌الملل شهرداری فرایبورگ در برایسگاو', contact: `focal.${LONG.email}` }],
    notes: bilingual(body('fa'), body('en')),
  });
  await post(staff, `/cities/${freiburg}/activities`, {
    occurredOn: '2025-06-10',
    kind: 'festival',
    direction: 'joint',
    title: bilingual(LONG.fa, LONG.en),
    description: bilingual(body('fa'), body('en')),
    outcomes: bilingual(LONG.fa, LONG.en),
  });
  await post(staff, '/networks', {
    name: bilingual('شبکهٔ جهانی شهرهای یادگیرندهٔ یونسکو و همکاری‌های آموزشی شهری', 'The UNESCO Global Network of Learning Cities and urban education partners'),
    role: bilingual('عضو کمیتهٔ راهبری و نمایندهٔ شهرهای آسیای غربی', 'Member of the steering committee for West Asia'),
    website: LONG.url,
    joinedOn: '2023-09-14',
    notes: bilingual(body('fa'), body('en')),
  });

  const rubric = {
    criteria: [
      { key: 'impact', label: bilingual('اثر بر جایگاه بین‌المللی شهر اصفهان و پیوندهای آن', "Impact on Isfahan's international standing and ties"), guidance: bilingual(LONG.fa, LONG.en), weight: 3, scaleMin: 1, scaleMax: 5 },
      { key: 'feasibility', label: bilingual('شدنی بودن با بودجه، زمان و همکاران گفته‌شده', 'Feasibility with the budget, time and partners described'), weight: 2, scaleMin: 0, scaleMax: 10 },
    ],
  };
  const makeCall = async (n: number, withRubric: boolean) => {
    const call = await post<{ id: string }>(staff, '/calls', {
      title: bilingual(`${LONG.fa} (${n})`.slice(0, 200), `${LONG.en} (${n})`.slice(0, 200)),
      description: bilingual(body('fa'), body('en')),
      opensAt: day(-1),
      closesAt: day(10),
      reviewOpensAt: day(11),
      reviewClosesAt: day(40),
      domains: ['cultural', 'economic', 'scientific', 'tourism', 'urban_services', 'sports', 'media', 'health_and_crisis_relief', 'other'],
      reviewersPerIdea: 2,
      ideasPerCitizen: 5,
      blindReview: true,
    });
    if (withRubric) await server.api('PUT', `/calls/${call.id}/rubric`, { token: staff, body: rubric });
    return call.id;
  };
  const idea = async (callId: string, n: number, submit = true) => {
    const made = await post<{ id: string }>(citizen, '/ideas', {
      callId,
      title: `${LONG.fa} ${n}`.slice(0, 200),
      domain: 'cultural',
      targetCityId: florence,
      summary: LONG.fa,
      body: body('fa'),
      channel: { kind: 'study', description: `${LONG.fa} ${LONG.url}`, years: 4 },
      partners: [{ name: 'Accademia di Belle Arti di Firenze e Scuola Internazionale di Arti e Mestieri', organisation: LONG.en, country: 'IT' }],
      expectedOutcomes: body('fa'),
    });
    if (submit) await post(citizen, `/ideas/${made.id}/submit`);
    return made.id;
  };
  /** Closes a call early and opens its review now. */
  const openReview = async (callId: string) => {
    await post(staff, `/calls/${callId}/close`, { note: LONG.fa });
    const closed = await server.api<{ version: number }>('GET', `/calls/${callId}`, { token: staff });
    await server.api('PATCH', `/calls/${callId}`, { token: staff, body: { reviewOpensAt: new Date().toISOString() }, headers: { 'If-Match': `"${closed.version}"` } });
  };
  const review = (token: string, ideaId: string) =>
    post(token, `/ideas/${ideaId}/review/submit`, { scores: { impact: 4, feasibility: 7 }, recommendation: 'discuss', commentToSubmitter: body('fa'), commentToStaff: body('en') });

  // Open: a draft and a submitted idea.
  const callOpen = await makeCall(1, false);
  const draft = await idea(callOpen, 1, false);
  const submitted = await idea(callOpen, 2);
  // In review: two shortlisted ideas (one reviewed by both, one by the second juror only) and one not yet screened.
  const callReview = await makeCall(2, true);
  const reviewed = await idea(callReview, 3);
  const pending = await idea(callReview, 4);
  const unscreened = await idea(callReview, 5);
  // Published: one selected idea.
  const callPublished = await makeCall(3, true);
  const selected = await idea(callPublished, 6);
  for (const callId of [callReview, callPublished]) await openReview(callId);
  for (const id of [reviewed, pending, selected]) await post(staff, `/ideas/${id}/screening`, { decision: 'shortlist', note: LONG.fa });
  for (const callId of [callReview, callPublished]) await post(staff, `/calls/${callId}/assignments/auto`);
  for (const id of [reviewed, pending, selected]) await review(juror2, id);
  for (const id of [reviewed, selected]) await review(juror1, id);
  await post(staff, '/conflicts', { reviewerId: reviewers[1], ideaId: unscreened, reason: body('fa') });
  await server.api('PUT', `/ideas/${reviewed}/decision`, { token: staff, body: { outcome: 'selected', note: LONG.fa } });
  await server.api('PUT', `/ideas/${selected}/decision`, { token: staff, body: { outcome: 'selected', note: body('fa') } });
  await post(staff, `/calls/${callPublished}/decisions/publish`);

  return { callOpen, callReview, draft, submitted, unscreened, pending, reviewed, selected, partnership: partnership.id };
}

/** The page has drawn its data: a main heading, and nothing still loading. */
async function settled(page: Page) {
  await page.waitForFunction(() => Boolean(document.querySelector('main h1')) && !document.querySelector('.loading'));
}

/** Unfolds what the page folds: the named buttons, every button that says it unfolds something, every <details>. */
async function unfold(page: Page, names: string[]) {
  for (const name of names) await page.locator('main').getByRole('button', { name, exact: true }).first().click();
  await page.evaluate(() => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>('main details:not([open])')) details.open = true;
    for (const button of document.querySelectorAll<HTMLButtonElement>('main button[aria-expanded="false"]')) button.click();
  });
  await settled(page);
}

/**
 * Fills every visible field of the page with long text (a long e-mail, address or password where those go),
 * chooses each list's longest option, ticks every box and the last choice of each group, as a person would (the
 * events React listens to). Twice, for what the first round unfolds (a country's cities, a button to add a city and
 * the form it opens). Returns how many fields it filled.
 */
async function fill(page: Page, locale: Locale): Promise<number> {
  let count = 0;
  for (let round = 0; round < 2; round++) {
    if (round > 0) await unfold(page, []);
    count += await page.evaluate(
      ({ text, long }) => {
        const visible = (el: HTMLElement) => el.getClientRects().length > 0 && !el.closest('details:not([open])');
        const set = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => {
          const prototype = Object.getPrototypeOf(el) as object;
          Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(el, value);
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
        };
        let filled = 0;
        const fields = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('main input, main textarea, main select'));
        const radios = new Map<string, HTMLInputElement>();
        for (const el of fields) {
          if (el.dataset.swept || !visible(el) || el.disabled || ('readOnly' in el && el.readOnly)) continue;
          el.dataset.swept = 'yes';
          filled++;
          if (el instanceof HTMLSelectElement) {
            const options = Array.from(el.options).filter((o) => o.value && !o.disabled);
            const longest = options.sort((a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0))[0];
            if (longest) set(el, longest.value);
            continue;
          }
          const type = el instanceof HTMLTextAreaElement ? 'textarea' : el.type;
          if (type === 'checkbox') {
            if (!(el as HTMLInputElement).checked) (el as HTMLInputElement).click();
            continue;
          }
          if (type === 'radio') {
            radios.set(el.name, el as HTMLInputElement);
            continue;
          }
          if (['hidden', 'file', 'range', 'color', 'submit', 'button'].includes(type)) continue;
          const numeric = type === 'number' || el.inputMode === 'numeric' || el.inputMode === 'decimal' || el.autocomplete === 'one-time-code';
          let value =
            type === 'email' ? long.email
            : type === 'url' ? long.url
            : type === 'password' ? `${long.word}-${long.url}`
            : type === 'date' ? '2026-03-21'
            : numeric ? '12'
            : type === 'textarea' ? `${text}\n${long.word} ${long.url}\n${text}`
            : `${text} ${long.word}`;
          if (el.maxLength > 0) value = value.slice(0, el.maxLength);
          set(el, value);
        }
        for (const radio of radios.values()) if (!radio.checked) radio.click();
        return filled;
      },
      { text: LONG[locale], long: LONG },
    );
    await settled(page);
    await page.waitForTimeout(150);
  }
  return count;
}

/** Fails (softly: the sweep goes on, and reports every page that sticks out) when the page is wider than the phone. */
async function fits(page: Page, where: string) {
  const current = page.viewportSize()?.width ?? PHONE.width;
  // Both widths, starting with the current one, so that a page is resized once per check.
  for (const width of current === WIDTHS[0] ? WIDTHS : [...WIDTHS].reverse()) {
    if (page.viewportSize()?.width !== width) await page.setViewportSize({ width, height: PHONE.height });
    let report = await measureFit(page);
    // Charts and other observers of their own size draw again a moment after a resize.
    for (let retry = 0; report.scrollWidth > report.width && retry < 3; retry++) {
      await page.waitForTimeout(100);
      report = await measureFit(page);
    }
    const lang = await page.evaluate(() => document.documentElement.lang);
    const label = `${where} (${lang}, ${width} px)`;
    if (report.scrollWidth > report.width) await screenshot(page, `phones-${label.replace(/[^a-z0-9]+/gi, '-')}`);
    expect.soft(report.scrollWidth, `${label} is ${report.scrollWidth} px wide: ${report.culprits.join(' | ')}`).toBeLessThanOrEqual(report.width);
    checks++;
  }
}

let checks = 0;

/** One page, on the phone: both widths in the language it opens in and in the other, its forms empty then filled. */
async function sweep(page: Page, server: Server, ids: Ids, visit: Visit) {
  await page.goto(`${server.url}${visit.path(ids)}`);
  await settled(page);
  const first = (await page.evaluate(() => document.documentElement.lang)) as Locale;
  const broken = await page.locator('main .alert--error, main p[role="alert"]').allInnerTexts();
  expect.soft(broken, `${visit.name} did not load its content`).toEqual([]);
  await unfold(page, visit.press?.(strings(first)) ?? []);
  await fits(page, visit.name);
  await useLocale(page, other(first));
  await settled(page);
  await fits(page, visit.name);
  const filled = await fill(page, other(first));
  if (filled > 0) {
    await fits(page, `${visit.name}, filled`);
    await useLocale(page, first);
    await settled(page);
    await fits(page, `${visit.name}, filled`);
  }
  // PHONES_SCREENSHOTS=1 keeps a picture of each page as it ended (filled, if it has fields), to look at.
  if (process.env.PHONES_SCREENSHOTS) await screenshot(page, `phones-${visit.name.replace(/\W+/g, '-')}-${filled ? 'filled' : 'shown'}`);
}

describe('every page fits a phone', () => {
  let server: Server;
  let ids: Ids;
  const started = Date.now();

  beforeAll(async () => {
    server = await startServer();
    ids = await setUp(server);
  });
  afterAll(async () => {
    await server?.stop();
    console.info(`phones: ${checks} checks of ${Object.values(PAGES).flat().length} pages in ${Math.round((Date.now() - started) / 1000)} s`);
  });

  for (const role of Object.keys(PAGES) as Role[]) {
    it(`${role}: every page at ${WIDTHS.join(' and ')} px, in Persian and English, forms empty and filled`, async () => {
      const phone = await openBrowser(PHONE);
      try {
        const { page } = phone;
        if (role !== 'public') await signIn(page, server, 'fa', ACCOUNTS[role]);
        for (const visit of PAGES[role]) await sweep(page, server, ids, visit);
      } finally {
        await phone.close();
      }
    });
  }
});
