// Staff run a call end to end through the UI, in Persian and in English: create it, write its rubric, screen a
// citizen's idea (made through the API for the setup), close the call early and open its review.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PASSWORD, openBrowser, signIn, startServer, useLocale, type Browser, type Server } from './harness';
import { closeAndOpenReview, createCall, setRubric } from './steps/calls';
import { shortlistIdea } from './steps/screening';

const STAFF = 'staff@e2e.test';
const CITIZEN = 'citizen@e2e.test';

/** A citizen's submitted idea in a call, made through the API. */
async function submitIdea(server: Server, callId: string, cityId: string, title: string, text: string): Promise<string> {
  const token = await login(server, CITIZEN);
  const created = await call(server, token, 'POST', '/api/v1/ideas', {
    callId,
    title,
    domain: 'cultural',
    targetCityId: cityId,
    summary: text.slice(0, 200),
    body: text,
    expectedOutcomes: 'پیوند پایدار فرهنگی میان دو شهر',
    channel: { kind: 'study', description: 'چهار سال در این شهر درس خوانده‌ام و با دانشگاه آن در پیوندم.', years: 4 },
  });
  const id = (created as { id: string }).id;
  await call(server, token, 'POST', `/api/v1/ideas/${id}/submit`);
  return id;
}

async function login(server: Server, email: string): Promise<string> {
  const answer = (await call(server, null, 'POST', '/api/v1/auth/login', { email, password: PASSWORD })) as { accessToken: string };
  return answer.accessToken;
}

async function call(server: Server, token: string | null, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

describe('staff run a call', () => {
  let server: Server;
  let browser: Browser;
  let cityId: string;
  beforeAll(async () => {
    server = await startServer();
    server.createUser(STAFF, 'کارشناس فراخوان', ['staff']);
    server.createUser(CITIZEN, 'سارا شهروند');
    const token = await login(server, CITIZEN);
    const city = (await call(server, token, 'POST', '/api/v1/cities', { name: { fa: 'فلورانس', en: 'Florence' }, country: 'IT' })) as { id: string };
    cityId = city.id;
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('in Persian', async () => {
    const { page } = browser;
    await signIn(page, server, 'fa', STAFF);
    const callId = await createCall(page, server, 'fa', { title: 'فراخوان آزمایشی دیپلمات شهروند' });
    await setRubric(page, server, 'fa', callId);
    const text = 'برگزاری نمایشگاه صنایع دستی اصفهان در فلورانس با همکاری موزه‌های شهر و هنرمندان دو شهر.';
    await submitIdea(server, callId, cityId, 'نمایشگاه صنایع دستی اصفهان در فلورانس', text);
    await submitIdea(server, callId, cityId, 'نمایشگاه هنرهای دستی اصفهان در فلورانس', `${text} همراه با کارگاه آموزشی.`);
    await shortlistIdea(page, server, 'fa', callId, 'نمایشگاه صنایع دستی اصفهان در فلورانس');
    await closeAndOpenReview(page, server, 'fa', callId);
  });

  it('in English', async () => {
    const { page } = browser;
    await useLocale(page, 'en');
    const callId = await createCall(page, server, 'en', { title: 'Citizen Diplomat test call' });
    await setRubric(page, server, 'en', callId);
    await submitIdea(server, callId, cityId, 'Student exchange between Isfahan and Florence', 'Twenty students of each city spend a term at the other city’s university.');
    await submitIdea(server, callId, cityId, 'Student exchange between Isfahan and Florence universities', 'Twenty students of each city spend a term at the other city’s university, with language courses.');
    await shortlistIdea(page, server, 'en', callId, 'Student exchange between Isfahan and Florence');
    await closeAndOpenReview(page, server, 'en', callId);
  });
});
