// The public pages and the account pages end to end: a citizen registers, fills in a tie abroad and proposes an
// idea; staff take it through screening, the jury and a published decision (set up through the API); a reviewer
// enrolled by staff chooses a password; then anyone, signed out, sees the call's statistics and the selected idea.
import { describe, it } from 'vitest';
import { freshServerAndBrowser, signIn, signOut, type Json } from './harness';
import { fillProfile, registerCitizen, setPassword } from './steps/account';
import { seePublicResults } from './steps/public';

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('the public pages and the account pages', () => {
  let staff: string;
  const callTitle = 'فراخوان آزمایشی دیپلمات شهروند';
  const ideaTitle = 'هفتهٔ فیلم اصفهان در فرایبورگ';
  let callId = '';

  const fresh = freshServerAndBrowser(async ({ server }) => {
    server.createUser('staff@e2e.example', 'کارشناس آزمون', ['staff', 'admin']);
    staff = await server.signInApi('staff@e2e.example');
    const created = await server.api('POST', '/calls', {
      token: staff,
      body: {
        title: { fa: callTitle, en: 'Citizen Diplomat test call' },
        description: { fa: 'ایده‌های خود را برای پیوند اصفهان با شهرهای جهان بفرستید.', en: "Send your ideas for Isfahan's ties with the world's cities." },
        opensAt: days(-1),
        closesAt: days(20),
        reviewOpensAt: days(21),
        reviewClosesAt: days(40),
        domains: ['cultural', 'scientific', 'tourism'],
        ideasPerCitizen: 2,
      },
    });
    callId = created.id as string;
  });

  it('registers a citizen in Persian and saves a tie abroad', async () => {
    const { server, browser: { page } } = fresh;
    await registerCitizen(page, server, 'fa', { email: 'sara@e2e.example', name: 'سارا احمدی' });
    await fillProfile(page, server, 'fa');
    await signOut(page, 'fa');
  });

  it('registers a citizen in English and saves a tie abroad', async () => {
    const { server, browser: { page } } = fresh;
    await registerCitizen(page, server, 'en', { email: 'sam@e2e.example', name: 'Sam Rahimi' });
    await fillProfile(page, server, 'en');
    await signOut(page, 'en');
    // Back to Persian for the next steps, as a new visitor would start.
    await page.evaluate(() => localStorage.removeItem('citizen-diplomat.locale'));
  });

  it('lets an account made by staff choose its password, then sign in with it', async () => {
    const { server, browser: { page } } = fresh;
    for (const locale of ['fa', 'en'] as const) {
      const enrolled = await server.api('POST', '/reviewers', {
        token: staff,
        body: {
          email: `juror-${locale}@e2e.example`,
          displayName: locale === 'fa' ? 'مریم کریمی' : 'Maryam Karimi',
          organisation: 'university',
          expertise: ['cultural'],
          maxLoad: 5,
          locale,
        },
      });
      const token = (enrolled.passwordToken as Json).token as string;
      await setPassword(page, server, locale, `/set-password#token=${encodeURIComponent(token)}`);
      await signIn(page, server, locale, `juror-${locale}@e2e.example`);
      await signOut(page, locale);
    }
  });

  it('shows the statistics and the selected idea to anyone, once decided', async () => {
    const { server, browser } = fresh;
    const citizen = await server.signInApi('sara@e2e.example');
    const city = await server.api('POST', '/cities', { token: citizen, body: { name: { fa: 'فرایبورگ', en: 'Freiburg' }, country: 'DE' } });
    const idea = await server.api('POST', '/ideas', {
      token: citizen,
      body: {
        callId,
        title: ideaTitle,
        domain: 'cultural',
        targetCityId: city.id,
        summary: 'یک هفته نمایش فیلم‌های اصفهانی در سینمای شهر فرایبورگ، با گفت‌وگو با فیلم‌سازان.',
        body: 'سینمای شهر فرایبورگ میزبان هفته‌ای از فیلم‌های کوتاه و مستند اصفهانی می‌شود و فیلم‌سازان دو شهر با هم گفت‌وگو می‌کنند.',
        expectedOutcomes: 'آشنایی مردم فرایبورگ با فرهنگ اصفهان و زمینه‌ای برای ساخت فیلم مشترک.',
        channel: { kind: 'study', description: 'ده سال در فرایبورگ درس خوانده‌ام و با سینمای شهر کار کرده‌ام.', years: 10 },
      },
    });
    const other = await server.api('POST', '/ideas', {
      token: citizen,
      body: {
        callId,
        title: 'گردشگری دانشجویی اصفهان و فرایبورگ',
        domain: 'tourism',
        targetCityId: city.id,
        summary: 'سفرهای کوتاه دانشجویی میان دو شهر.',
        body: 'دانشجویان دو شهر در تابستان یک هفته میهمان یکدیگر می‌شوند.',
        expectedOutcomes: 'پیوند میان دانشگاه‌های دو شهر.',
        channel: { kind: 'study', description: 'دانش‌آموختهٔ دانشگاه فرایبورگ هستم.', years: 10 },
      },
    });
    const ideaIds = [String(idea.id), String(other.id)];
    for (const id of ideaIds) await server.api('POST', `/ideas/${id}/submit`, { token: citizen });

    // Staff close the call, open its review window now, shortlist both ideas and give them a juror, who scores
    // them: a decision needs a submitted review to rest on.
    await server.api('PUT', `/calls/${callId}/rubric`, {
      token: staff,
      body: { criteria: [{ key: 'impact', label: { fa: 'اثرگذاری', en: 'Impact' }, weight: 1, scaleMin: 1, scaleMax: 5 }] },
    });
    await server.api('POST', `/calls/${callId}/close`, { token: staff, body: { note: 'e2e' } });
    const closed = await server.api('GET', `/calls/${callId}`, { token: staff });
    await server.api('PATCH', `/calls/${callId}`, {
      token: staff,
      body: { reviewOpensAt: new Date().toISOString() },
      headers: { 'If-Match': `"${closed.version as number}"` },
    });
    const reviewers = await server.api('GET', '/reviewers?limit=100', { token: staff });
    const juror = (reviewers.items as Json[]).find((r) => r.email === 'juror-fa@e2e.example');
    if (!juror) throw new Error('the juror enrolled earlier is not on the roster');
    const jurorToken = await server.signInApi('juror-fa@e2e.example');
    for (const [i, id] of ideaIds.entries()) {
      await server.api('POST', `/ideas/${id}/screening`, { token: staff, body: { decision: 'shortlist' } });
      await server.api('POST', `/calls/${callId}/assignments`, { token: staff, body: { ideaId: id, reviewerId: juror.id } });
      await server.api('POST', `/ideas/${id}/review/submit`, {
        token: jurorToken,
        body: { scores: { impact: 5 - 2 * i }, recommendation: i === 0 ? 'select' : 'do_not_select', commentToSubmitter: 'نظر داور.' },
      });
    }
    await server.api('PUT', `/ideas/${ideaIds[0]}/decision`, { token: staff, body: { outcome: 'selected' } });
    await server.api('PUT', `/ideas/${ideaIds[1]}/decision`, { token: staff, body: { outcome: 'not_selected' } });
    await server.api('POST', `/calls/${callId}/decisions/publish`, { token: staff });

    // A new call is open meanwhile: the home page shows it.
    await server.api('POST', '/calls', {
      token: staff,
      body: {
        title: { fa: 'فراخوان دوم: اصفهان و شهرهای جاده ابریشم', en: 'Second call: Isfahan and the Silk Road cities' },
        description: {
          fa: 'شهروندانی که با شهرهای جادهٔ ابریشم پیوند دارند، ایده‌های خود را برای همکاری فرهنگی، گردشگری و بازرگانی بفرستند.',
          en: 'Citizens with ties to the cities of the Silk Road are invited to send ideas for cultural, tourism and trade cooperation.',
        },
        opensAt: days(-2),
        closesAt: days(12.5),
        reviewOpensAt: days(20),
        reviewClosesAt: days(50),
        domains: ['cultural', 'tourism', 'economic'],
        ideasPerCitizen: 3,
      },
    });

    const { page } = browser;
    await seePublicResults(page, server, 'fa', { callTitle, ideaTitle });
    await seePublicResults(page, server, 'en', { callTitle: 'Citizen Diplomat test call', ideaTitle });
  });
});
