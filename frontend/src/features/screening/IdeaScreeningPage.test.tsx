import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { IdeaScreeningPage } from './IdeaScreeningPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

const CALL = '01a21dd7-0000-7000-8000-000000000001';
const IDEA = '01a21dd7-0000-7000-8000-000000000011';

function idea(ties: Schema<'SubmitterTieView'>[] | undefined): Schema<'IdeaView'> {
  return {
    id: IDEA,
    callId: CALL,
    state: 'submitted',
    title: 'هفتهٔ فرهنگی اصفهان در فلورانس',
    summary: 'خلاصه',
    body: 'متن',
    domain: 'cultural',
    targetCity: { id: '01a21dd7-0000-7000-8000-0000000000c1', name: { fa: 'فلورانس', en: 'Florence' }, country: 'IT', verified: true },
    partners: [],
    expectedOutcomes: 'دستاورد',
    filesPublic: false,
    submitter: { id: '01a21dd7-0000-7000-8000-0000000000a1', displayName: 'سارا', email: 'sara@example.org', category: 'academic', ties },
    allowedActions: ['screen'],
    version: 1,
    submittedAt: '2026-11-20T08:00:00Z',
    createdAt: '2026-11-19T08:00:00Z',
    updatedAt: '2026-11-20T08:00:00Z',
  };
}

function stub(shown: Schema<'IdeaView'>) {
  return stubApi((request) => {
    const path = new URL(request.url).pathname;
    if (path === `/api/v1/ideas/${IDEA}`) return { body: shown };
    if (path === `/api/v1/ideas/${IDEA}/files`) return { body: { items: [] } };
    if (path === `/api/v1/ideas/${IDEA}/similar`) return { body: { items: [] } };
    if (path === `/api/v1/ideas/${IDEA}/events`) return { body: { items: [] } };
    return undefined;
  });
}

const route = { path: `/staff/calls/${CALL}/screening/${IDEA}`, route: '/staff/calls/:id/screening/:ideaId' };

describe("the screening page's submitter card", { timeout: 30_000 }, () => {
  it("lists the submitter's ties abroad from their profile", async () => {
    stub(
      idea([
        { id: '01a21dd7-0000-7000-8000-0000000000d1', city: 'Saint Petersburg', country: 'RU', nature: 'study', since: 2015 },
        { id: '01a21dd7-0000-7000-8000-0000000000d2', city: 'فلورانس', country: 'IT', nature: 'work', since: 2019 },
      ]),
    );
    await renderWithApp(<IdeaScreeningPage />, { locale: 'en', ...route });
    const ties = await screen.findByRole('list', { name: "Ties abroad in the submitter's profile" });
    const items = within(ties).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Saint Petersburg (Russia)');
    expect(items[0]).toHaveTextContent('since 2015');
    expect(items[1]).toHaveTextContent('فلورانس (Italy)');
  });

  it('says so, in Persian, when the profile lists none', async () => {
    stub(idea([]));
    await renderWithApp(<IdeaScreeningPage />, { locale: 'fa', ...route });
    expect(await screen.findByText('پیشنهاددهنده در نمایهٔ خود پیوندی با شهری خارجی ثبت نکرده است.')).toBeInTheDocument();
  });

  it('shows nothing of ties when the answer carries none (not staff)', async () => {
    stub(idea(undefined));
    await renderWithApp(<IdeaScreeningPage />, { locale: 'en', ...route });
    expect(await screen.findByText('سارا')).toBeInTheDocument();
    expect(screen.queryByText("Ties abroad in the submitter's profile")).not.toBeInTheDocument();
  });
});
