import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { storeTokens } from '@/lib/auth/session';
import { commonEn } from '@/lib/i18n/common.en';
import { errorsFa } from '@/lib/i18n/errors';
import { errorsEn } from '@/lib/i18n/errors.en';
import { renderWithApp, stubApi } from '@/test/render';
import { ideasFa } from './i18n';
import { ideasEn } from './i18n.en';
import { IdeaForm } from './IdeaForm';

const CALL_ID = '11111111-1111-4111-8111-111111111111';
const CITY_ID = '22222222-2222-4222-8222-222222222222';
const IDEA_ID = '33333333-3333-4333-8333-333333333333';

const call: Schema<'CallView'> = {
  id: CALL_ID,
  title: { fa: 'فراخوان ۱۴۰۵', en: 'Call 1405' },
  description: { fa: 'شرح', en: null },
  opensAt: '2026-01-01T00:00:00Z',
  closesAt: '2099-01-01T00:00:00Z',
  reviewOpensAt: '2099-01-02T00:00:00Z',
  reviewClosesAt: '2099-02-01T00:00:00Z',
  phase: 'open',
  domains: ['cultural', 'economic'],
  ideasPerCitizen: 3,
  blindReview: true,
  reviewersPerIdea: 3,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const city = { id: CITY_ID, name: { fa: 'رم', en: 'Rome' }, country: 'IT', verified: true };

function idea(overrides: Partial<Schema<'IdeaView'>> = {}): Schema<'IdeaView'> {
  return {
    id: IDEA_ID,
    callId: CALL_ID,
    state: 'draft',
    title: 'جشنوارهٔ فیلم اصفهان و رم',
    summary: '',
    body: '',
    domain: 'cultural',
    targetCity: city,
    partners: [],
    expectedOutcomes: '',
    channel: null,
    filesPublic: false,
    // A draft in an open call: the server lets its submitter change, submit or withdraw it.
    allowedActions: ['edit', 'submit', 'withdraw'],
    version: 1,
    createdAt: '2026-02-01T00:00:00Z',
    updatedAt: '2026-02-01T00:00:00Z',
    ...overrides,
  };
}

const path = (request: Request) => new URL(request.url).pathname;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the idea form', () => {
  it('saves a new draft (POST), then saves changes with If-Match (PATCH) and submits', async () => {
    const calls = stubApi((request) => {
      const url = new URL(request.url);
      if (request.method === 'GET' && url.pathname === '/api/v1/calls') return { body: { items: [call], total: 1, limit: 100, offset: 0 } };
      if (request.method === 'GET' && url.pathname === '/api/v1/cities') {
        return { body: { items: url.searchParams.get('country') === 'IT' ? [{ ...city, createdAt: '', updatedAt: '' }] : [], total: 1, limit: 100, offset: 0 } };
      }
      if (request.method === 'POST' && url.pathname === '/api/v1/ideas') return { status: 201, body: idea() };
      if (request.method === 'PATCH' && url.pathname === `/api/v1/ideas/${IDEA_ID}`) return { body: idea({ version: 2, summary: 'چکیده' }) };
      if (request.method === 'POST' && url.pathname === `/api/v1/ideas/${IDEA_ID}/submit`) return { body: idea({ version: 3, state: 'submitted', allowedActions: ['edit', 'withdraw'] }) };
      return undefined;
    });
    const f = ideasFa.form.fields;
    await renderWithApp(<IdeaForm />, { locale: 'fa', path: '/my/ideas/new' });

    // The only open call is chosen, and its domains are offered.
    await waitFor(() => expect(screen.getByLabelText(new RegExp(f.domain))).toHaveTextContent('فرهنگی'));
    await userEvent.click(screen.getByLabelText(new RegExp(f.title)));
    await userEvent.paste('جشنوارهٔ فیلم اصفهان و رم');
    await userEvent.selectOptions(screen.getByLabelText(new RegExp(f.domain)), 'cultural');
    await userEvent.selectOptions(screen.getByLabelText(new RegExp(f.country)), 'IT');
    await screen.findByRole('option', { name: 'رم' });
    await userEvent.selectOptions(screen.getByLabelText(new RegExp(f.city)), CITY_ID);
    await userEvent.click(screen.getByRole('button', { name: ideasFa.form.saveDraft }));

    expect(await screen.findByText(ideasFa.form.saved)).toBeInTheDocument();
    const post = calls.find((r) => r.method === 'POST' && path(r) === '/api/v1/ideas');
    expect(post).toBeDefined();
    expect(await post!.json()).toMatchObject({ callId: CALL_ID, title: 'جشنوارهٔ فیلم اصفهان و رم', domain: 'cultural', targetCityId: CITY_ID, channel: null, filesPublic: false });

    await userEvent.click(screen.getByLabelText(new RegExp(f.summary)));
    await userEvent.paste('چکیده');
    await userEvent.selectOptions(screen.getByLabelText(new RegExp(f.channelKind)), 'study');
    await userEvent.click(screen.getByLabelText(new RegExp(f.channelDescription)));
    await userEvent.paste('پنج سال در رم درس خواندم');
    await userEvent.type(screen.getByLabelText(new RegExp(f.channelYears)), '۵');
    // The consent to show the idea's documents once it is selected, given before submitting.
    await userEvent.click(screen.getByRole('checkbox', { name: f.filesPublic }));
    await userEvent.click(screen.getByRole('button', { name: ideasFa.form.submit }));

    await waitFor(() => expect(calls.some((r) => path(r).endsWith('/submit'))).toBe(true));
    const writes = calls.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${path(r)}`);
    expect(writes).toEqual(['POST /api/v1/ideas', `PATCH /api/v1/ideas/${IDEA_ID}`, `POST /api/v1/ideas/${IDEA_ID}/submit`]);
    const patch = calls.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"1"');
    // Persian digits typed are sent as a number.
    expect(await patch.json()).toMatchObject({ summary: 'چکیده', channel: { kind: 'study', description: 'پنج سال در رم درس خواندم', years: 5 }, filesPublic: true });
  }, 30_000);

  it("shows a 422's field errors next to their fields, and the rest in an alert", async () => {
    stubApi((request) => {
      const p = path(request);
      if (request.method === 'GET' && p === `/api/v1/calls/${CALL_ID}`) return { body: call };
      if (request.method === 'GET' && p === '/api/v1/cities') return { body: { items: [], total: 0, limit: 100, offset: 0 } };
      if (request.method === 'PATCH') return { body: idea({ version: 2 }) };
      if (request.method === 'POST' && p.endsWith('/submit')) {
        return {
          status: 422,
          body: {
            type: 'urn:citizen-diplomat:problem:validation_failed',
            title: 'Validation failed',
            status: 422,
            detail: 'Fields are missing.',
            code: 'validation_failed',
            errors: [
              { pointer: '/summary', code: 'required', message: 'needed before the idea can be submitted' },
              { pointer: '/channel', code: 'required', message: 'needed before the idea can be submitted' },
            ],
          },
        };
      }
      return undefined;
    });
    const f = ideasEn.form.fields;
    await renderWithApp(<IdeaForm idea={idea()} />, { locale: 'en', path: `/my/ideas/${IDEA_ID}/edit` });
    await screen.findByText(/Call 1405/);
    await userEvent.click(screen.getByRole('button', { name: ideasEn.form.submit }));

    const summary = screen.getByLabelText(new RegExp(f.summary));
    await waitFor(() => expect(summary).toHaveAttribute('aria-invalid', 'true'));
    expect(summary).toHaveAccessibleDescription(expect.stringContaining(errorsEn.field.required));
    expect(screen.getByLabelText(new RegExp(f.channelKind))).toHaveAccessibleDescription(errorsEn.field.required);
    expect(screen.getByLabelText(new RegExp(f.body))).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent(errorsEn.validation_failed);
  });

  it('shows a conflict such as call_closed in the alert, in Persian', async () => {
    stubApi((request) => {
      const p = path(request);
      if (request.method === 'GET' && p === `/api/v1/calls/${CALL_ID}`) return { body: call };
      if (request.method === 'GET' && p === '/api/v1/cities') return { body: { items: [], total: 0, limit: 100, offset: 0 } };
      if (request.method === 'PATCH') {
        return { status: 409, body: { type: 'x', title: 'Conflict', status: 409, detail: 'The call closed.', code: 'call_closed' } };
      }
      return undefined;
    });
    await renderWithApp(<IdeaForm idea={idea()} />, { locale: 'fa', path: `/my/ideas/${IDEA_ID}/edit` });
    await screen.findByText(/فراخوان ۱۴۰۵/);
    await userEvent.click(screen.getByRole('button', { name: ideasFa.form.saveDraft }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(errorsFa.call_closed)).toBeInTheDocument();
  });

  it('says an unconfirmed address stops the submission, with a way to have the link sent again', async () => {
    storeTokens({
      accessToken: 'a',
      refreshToken: 'r',
      tokenType: 'Bearer',
      expiresIn: 900,
      enrolOnly: false,
      user: { id: 'u', email: 'sara@example.org', displayName: 'Sara', roles: [], active: true, locale: 'en', createdAt: '', updatedAt: '', secondFactorEnabled: false, emailVerified: false },
    });
    const calls = stubApi((request) => {
      const p = path(request);
      if (request.method === 'GET' && p === `/api/v1/calls/${CALL_ID}`) return { body: call };
      if (request.method === 'GET' && p === '/api/v1/cities') return { body: { items: [], total: 0, limit: 100, offset: 0 } };
      if (request.method === 'PATCH') return { body: idea({ version: 2 }) };
      if (request.method === 'POST' && p.endsWith('/submit')) {
        return { status: 403, body: { type: 'x', title: 'Forbidden', status: 403, detail: 'Confirm first.', code: 'email_unverified' } };
      }
      if (request.method === 'POST' && p === '/api/v1/me/email-verification') return { status: 202 };
      return undefined;
    });
    await renderWithApp(<IdeaForm idea={idea()} />, { locale: 'en', path: `/my/ideas/${IDEA_ID}/edit` });
    await screen.findByText(/Call 1405/);
    await userEvent.click(screen.getByRole('button', { name: ideasEn.form.submit }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent?.replace(/[\u2068\u2069]/g, '')).toContain('Your idea is saved, but it cannot be submitted until you confirm your e-mail address (sara@example.org).');
    await userEvent.click(within(alert).getByRole('button', { name: commonEn.verifyEmail.resend }));
    expect(await within(alert).findByRole('status')).toHaveTextContent(/A new link is on its way/);
    expect(calls.some((request) => request.method === 'POST' && path(request) === '/api/v1/me/email-verification')).toBe(true);
  });
});
