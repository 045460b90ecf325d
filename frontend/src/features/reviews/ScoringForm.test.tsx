import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { errorsEn } from '@/lib/i18n/errors.en';
import { renderWithApp, stubApi } from '@/test/render';
import { reviewsFa } from './i18n';
import { reviewsEn } from './i18n.en';
import { ScoringForm } from './ScoringForm';

const IDEA_ID = '33333333-3333-4333-8333-333333333333';

// The server's worked rubric, with feasibility on a long scale so that it is typed rather than chosen.
const criteria: Schema<'CriterionDto'>[] = [
  { key: 'impact', label: { fa: 'اثرگذاری', en: 'Impact' }, guidance: { fa: 'چه اندازه؟', en: 'How much?' }, weight: 3, scaleMin: 1, scaleMax: 5 },
  { key: 'feasibility', label: { fa: 'شدنی بودن', en: 'Feasibility' }, weight: 2, scaleMin: 0, scaleMax: 20 },
  { key: 'cost', label: { fa: 'هزینه', en: 'Cost' }, weight: 1, scaleMin: 1, scaleMax: 3 },
];

const review = (overrides: Partial<Schema<'ReviewView'>> = {}): Schema<'ReviewView'> => ({
  id: '44444444-4444-4444-8444-444444444444',
  ideaId: IDEA_ID,
  scores: {},
  version: 1,
  updatedAt: '2026-03-01T10:00:00Z',
  allowedActions: ['save', 'submit', 'declare_conflict'],
  ...overrides,
});

const path = (request: Request) => new URL(request.url).pathname;
const total = () => screen.getByTestId('live-total');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the scoring form', () => {
  it('updates the total as scores are chosen and typed, by the server’s rule', async () => {
    stubApi(() => undefined);
    await renderWithApp(<ScoringForm ideaId={IDEA_ID} criteria={criteria} review={null} />, { locale: 'en' });
    expect(total()).toHaveTextContent('—');
    expect(total()).toHaveTextContent('0 of 3 criteria scored so far.');

    await userEvent.selectOptions(screen.getByLabelText(/Impact/), '4');
    expect(total()).toHaveTextContent('—');
    expect(total()).toHaveTextContent('1 of 3 criteria scored so far.');

    // impact 4 on 1–5 → 0.75 · 3; feasibility 14 on 0–20 → 0.7 · 2; cost 1 on 1–3 → 0; 100 · 3.65 / 6 = 60.8
    await userEvent.type(screen.getByLabelText(/Feasibility/), '14');
    await userEvent.selectOptions(screen.getByLabelText(/Cost/), '1');
    expect(total()).toHaveTextContent('60.8 of 100');

    // A score off its scale has no total, as on the server.
    await userEvent.clear(screen.getByLabelText(/Feasibility/));
    await userEvent.type(screen.getByLabelText(/Feasibility/), '21');
    expect(total()).toHaveTextContent('—');
    await userEvent.clear(screen.getByLabelText(/Feasibility/));
    await userEvent.type(screen.getByLabelText(/Feasibility/), '20');
    // feasibility 20 → 1 · 2: 100 · 4.25 / 6 = 70.8
    expect(total()).toHaveTextContent('70.8 of 100');
  });

  it('reads Persian digits and shows the total with them', async () => {
    stubApi(() => undefined);
    await renderWithApp(<ScoringForm ideaId={IDEA_ID} criteria={criteria} review={review({ scores: { impact: 5, cost: 3 } })} />, { locale: 'fa' });
    expect(total()).toHaveTextContent('۲ از ۳ معیار');
    await userEvent.type(screen.getByLabelText(/شدنی بودن/), '۲۰');
    expect(total()).toHaveTextContent('۱۰۰ از ۱۰۰');
  });

  it("saves a draft with the scores given and shows a 422 at its criterion", async () => {
    const calls = stubApi((request) => {
      if (request.method === 'PUT' && path(request) === `/api/v1/ideas/${IDEA_ID}/review`) {
        return {
          status: 422,
          body: {
            type: 'urn:citizen-diplomat:problem:validation_failed',
            title: 'Validation failed',
            status: 422,
            detail: 'A score is off its scale.',
            code: 'validation_failed',
            errors: [{ pointer: '/scores/feasibility', code: 'out_of_scale', message: '15 is outside 0–10' }],
          },
        };
      }
      return undefined;
    });
    await renderWithApp(<ScoringForm ideaId={IDEA_ID} criteria={criteria} review={null} />, { locale: 'en' });
    await userEvent.selectOptions(screen.getByLabelText(/Impact/), '5');
    await userEvent.type(screen.getByLabelText(/Feasibility/), '15');
    await userEvent.click(screen.getByRole('button', { name: reviewsEn.form.saveDraft }));

    const feasibility = screen.getByLabelText(/Feasibility/);
    await waitFor(() => expect(feasibility).toHaveAttribute('aria-invalid', 'true'));
    expect(feasibility).toHaveAccessibleDescription(expect.stringContaining(errorsEn.field.out_of_scale));
    expect(screen.getByLabelText(/Impact/)).not.toHaveAttribute('aria-invalid');
    const put = calls.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({ scores: { impact: 5, feasibility: 15 }, recommendation: null, commentToSubmitter: null, commentToStaff: null });
  });

  it('submits after a confirmation, with every score and the recommendation', async () => {
    const calls = stubApi((request) => {
      if (request.method === 'POST' && path(request) === `/api/v1/ideas/${IDEA_ID}/review/submit`) {
        return { body: review({ scores: { impact: 5, feasibility: 20, cost: 3 }, recommendation: 'select', submittedAt: '2026-03-02T10:00:00Z', total: 100 }) };
      }
      return undefined;
    });
    await renderWithApp(<ScoringForm ideaId={IDEA_ID} criteria={criteria} review={review({ scores: { impact: 5, cost: 3 } })} />, { locale: 'fa' });
    await userEvent.type(screen.getByLabelText(/شدنی بودن/), '20');
    await userEvent.selectOptions(screen.getByLabelText(new RegExp(reviewsFa.form.recommendation)), 'select');
    await userEvent.click(screen.getByRole('button', { name: reviewsFa.form.submit }));
    expect(calls).toHaveLength(0);
    expect(screen.getByText(reviewsFa.form.confirmSubmit)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: reviewsFa.form.confirmYes }));
    expect(await screen.findByText(reviewsFa.form.submitted)).toBeInTheDocument();
    expect(calls.map((r) => `${r.method} ${path(r)}`)).toEqual([`POST /api/v1/ideas/${IDEA_ID}/review/submit`]);
    expect(await calls[0]!.json()).toMatchObject({ scores: { impact: 5, feasibility: 20, cost: 3 }, recommendation: 'select' });
  });
});
