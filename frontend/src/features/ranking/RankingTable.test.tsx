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
  rankShift: false,
  criterionMeans: [{ key: 'impact', mean: 7 }],
  allowedActions: ['decide'],
  ...over,
});

// Calibration turns the order round: «آلفا» leads on calibrated score, «بتا» on the raw one, and «بتا» is disputed;
// «گاما» moved sharply.
const alpha = idea({ ideaId: 'a', title: 'ایدهٔ آلفا', calibratedRank: 1, rawRank: 2, calibratedScore: 78.4, rawScore: 70.5, spread: 4 });
const beta = idea({ ideaId: 'b', title: 'ایدهٔ بتا', calibratedRank: 2, rawRank: 1, calibratedScore: 75.1, rawScore: 81.25, spread: 22.5, disagreement: true });
const gamma = idea({ ideaId: 'g', title: 'ایدهٔ گاما', calibratedRank: 3, rawRank: 9, calibratedScore: 60, rawScore: 50, spread: 3, rankShift: true });

function view(items: Schema<'RankedIdeaView'>[], graph = { groups: 1, split: false, jurorPairs: 3 }): Schema<'RankingView'> {
  return {
    items,
    total: items.length,
    limit: 50,
    offset: 0,
    criteria: [{ key: 'impact', label: { fa: 'اثر', en: 'Impact' }, weight: 1, scaleMin: 1, scaleMax: 10 }],
    agreement: { alpha: 0.42, calibratedAlpha: 0.81, rankCorrelation: 0.5, units: 2, pairableValues: 4, byCriterion: [{ key: 'impact', alpha: 0.5 }] },
    graph,
    reviewers: [
      { reviewerId: 'r1', displayName: 'داور گشاده‌دست', organisation: 'university', mean: 80, spread: 5, reviewCount: 30, offset: 6.2, offsetUncertainty: 1.5 },
      { reviewerId: 'r2', displayName: 'داور میانه', organisation: null, mean: 60, spread: 5, reviewCount: 30, offset: -1.1, offsetUncertainty: 1.5 },
      { reviewerId: 'r3', displayName: 'داور تنها', organisation: null, mean: 55, spread: 0, reviewCount: 1, offset: 0, offsetUncertainty: null },
    ],
    progress: { ideas: 2, assignments: 4, submitted: 4, pending: 0, reviewsToRescore: 0 },
    rules: { disagreementSpread: 20, offsetShrinkage: 5, rankShiftPlaces: 3 },
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

  it('warns of a split jury, flags a sharp change of place and reads each offset against its uncertainty', async () => {
    stubApi((request) =>
      new URL(request.url).pathname.endsWith('/ranking') ? { body: view([alpha, beta, gamma], { groups: 2, split: true, jurorPairs: 1 }) } : undefined,
    );
    await renderWithApp(<Ranking callId="c1" />);

    expect(await screen.findByRole('alert')).toHaveTextContent('هیئت داوران به ۲ گروه جدا تقسیم شده است.');
    const rows = within(screen.getByRole('region', { name: 'جدول رتبه‌بندی ایده‌ها' })).getAllByRole('row');
    const gammaRow = rows.find((row) => row.textContent?.includes('ایدهٔ گاما'))!;
    expect(within(gammaRow).getByText('جابه‌جایی رتبه')).toBeInTheDocument();
    expect(within(gammaRow).getByText('جابه‌جایی رتبه').parentElement).toHaveAttribute('title', expect.stringContaining('رتبهٔ خام ۹'));
    // The calibrated score is on the raw scale, one decimal.
    expect(gammaRow.textContent).toContain('۶۰٫۰');

    const offsets = within(screen.getByRole('region', { name: 'میانگین، پراکندگی و جابه‌جایی نمره‌های هر داور' }));
    const row = (name: string) => offsets.getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!;
    expect(row('داور گشاده‌دست')).toHaveTextContent('+۶٫۲');
    expect(row('داور گشاده‌دست')).toHaveTextContent('گشاده‌دست');
    expect(row('داور میانه')).toHaveTextContent('در حد میانگین');
    expect(row('داور تنها')).toHaveTextContent('سنجش‌پذیر نیست');

    expect(screen.getByText('آلفای کریپندورف (نمره‌های تعدیل‌شده)').nextElementSibling).toHaveTextContent('۰٫۸۱');
  }, 20_000);
});
