// Staff run a call end to end through the UI, in Persian and in English: create it, write its rubric, screen a
// citizen's idea (made through the API for the setup), close the call early and open its review.
import { describe, it } from 'vitest';
import { freshServerAndBrowser, signIn, useLocale, type Server } from './harness';
import { closeAndOpenReview, createCall, setRubric } from './steps/calls';
import { shortlistIdea } from './steps/screening';

const STAFF = 'staff@e2e.test';
const CITIZEN = 'citizen@e2e.test';

/** A citizen's submitted idea in a call, made through the API. */
async function submitIdea(server: Server, callId: string, cityId: string, title: string, text: string): Promise<string> {
  const token = await server.signInApi(CITIZEN);
  const created = await server.api<{ id: string }>('POST', '/ideas', {
    token,
    body: {
      callId,
      title,
      domain: 'cultural',
      targetCityId: cityId,
      summary: text.slice(0, 200),
      body: text,
      expectedOutcomes: 'پیوند پایدار فرهنگی میان دو شهر',
      channel: { kind: 'study', description: 'چهار سال در این شهر درس خوانده‌ام و با دانشگاه آن در پیوندم.', years: 4 },
    },
  });
  await server.api('POST', `/ideas/${created.id}/submit`, { token });
  return created.id;
}

describe('staff run a call', () => {
  let cityId: string;
  const fresh = freshServerAndBrowser(async ({ server }) => {
    server.createUser(STAFF, 'کارشناس فراخوان', ['staff']);
    server.createUser(CITIZEN, 'سارا شهروند');
    const token = await server.signInApi(CITIZEN);
    const city = await server.api<{ id: string }>('POST', '/cities', { token, body: { name: { fa: 'فلورانس', en: 'Florence' }, country: 'IT' } });
    cityId = city.id;
  });

  it('in Persian', async () => {
    const { server, browser: { page } } = fresh;
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
    const { server, browser: { page } } = fresh;
    await useLocale(page, 'en');
    const callId = await createCall(page, server, 'en', { title: 'Citizen Diplomat test call' });
    await setRubric(page, server, 'en', callId);
    await submitIdea(server, callId, cityId, 'Student exchange between Isfahan and Florence', 'Twenty students of each city spend a term at the other city’s university.');
    await submitIdea(server, callId, cityId, 'Student exchange between Isfahan and Florence universities', 'Twenty students of each city spend a term at the other city’s university, with language courses.');
    await shortlistIdea(page, server, 'en', callId, 'Student exchange between Isfahan and Florence');
    await closeAndOpenReview(page, server, 'en', callId);
  });
});
