import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { Ranking } from './RankingPage';

const idea = (over: Partial<Schema<'RankedIdeaView'>>): Schema<'RankedIdeaView'> => ({
  ideaId: 'x',
  title: 'x',
  state: 'reviewed',
  reviewCount: 2,
  disagreement: false,
  criterionMeans: [{ key: 'impact', mean: 7 }],
  allowedActions: ['decide'],
  ...over,
});

// Calibration turns the order round: «آلفا» leads on calibrated score, «بتا» on the raw one, and «بتا» is disputed.
const alpha = idea({ ideaId: 'a', title: 'ایدهٔ آلفا', calibratedRank: 1, rawRank: 2, calibratedScore: 0.61, rawScore: 70.5, spread: 4 });
const beta = idea({ ideaId: 'b', title: 'ایدهٔ بتا', calibratedRank: 2, rawRank: 1, calibratedScore: -0.2, rawScore: 81.25, spread: 22.5, disagreement: true });

function view(items: Schema<'RankedIdeaView'>[]): Schema<'RankingView'> {
  return {
    items,
    total: items.length,
    limit: 50,
    offset: 0,
    criteria: [{ key: 'impact', label: { fa: 'اثر', en: 'Impact' }, weight: 1, scaleMin: 1, scaleMax: 10 }],
    agreement: { alpha: 0.42, units: 2, pairableValues: 4, byCriterion: [{ key: 'impact', alpha: 0.5 }] },
    reviewers: [],
    progress: { ideas: 2, assignments: 4, submitted: 4, pending: 0, reviewsToRescore: 0 },
    rules: { disagreementSpread: 20, minReviewsForCalibration: 3 },
  };
}

function titles() {
  const table = screen.getByRole('region', { name: 'جدول رتبه‌بندی ایده‌ها' });
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

describe('the ranking table', () => {
  it('switches between the calibrated and the raw order by its headers, and flags the disputed idea', async () => {
    const calls = stubApi((request) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/ranking')) {
        return { body: view(url.searchParams.get('sort') === 'raw' ? [beta, alpha] : [alpha, beta]) };
      }
      return undefined;
    });
    await renderWithApp(<Ranking callId="c1" />);

    await screen.findByRole('region', { name: 'جدول رتبه‌بندی ایده‌ها' });
    expect(titles()[0]).toContain('ایدهٔ آلفا');
    expect(titles()[1]).toContain('ایدهٔ بتا');
    expect(new URL(calls.at(-1)!.url).searchParams.get('sort')).toBe('calibrated');

    // The disagreement flag is on «بتا»'s row only.
    const rows = within(screen.getByRole('region', { name: 'جدول رتبه‌بندی ایده‌ها' })).getAllByRole('row');
    const betaRow = rows.find((row) => row.textContent?.includes('ایدهٔ بتا'))!;
    const alphaRow = rows.find((row) => row.textContent?.includes('ایدهٔ آلفا'))!;
    expect(within(betaRow).getByText('اختلاف نظر')).toBeInTheDocument();
    expect(within(alphaRow).queryByText('اختلاف نظر')).toBeNull();
    // Scores in Persian digits.
    expect(betaRow.textContent).toContain('۸۱٫۳');

    // A click on a place's header sorts by it, and the header says so.
    await userEvent.click(screen.getByRole('button', { name: 'رتبهٔ خام' }));
    await waitFor(() => expect(titles()[0]).toContain('ایدهٔ بتا'));
    expect(titles()[1]).toContain('ایدهٔ آلفا');
    expect(new URL(calls.at(-1)!.url).searchParams.get('sort')).toBe('raw');
    expect(screen.getByRole('columnheader', { name: 'رتبهٔ خام' })).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(screen.getByRole('button', { name: 'رتبهٔ تعدیل‌شده' }));
    await waitFor(() => expect(titles()[0]).toContain('ایدهٔ آلفا'));
  }, 20_000);
});
