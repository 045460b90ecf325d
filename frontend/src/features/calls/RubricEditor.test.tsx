import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { renderWithApp, stubApi } from '@/test/render';
import { RubricEditor } from './RubricEditor';
import { weightShares } from './rubric';

afterEach(() => {
  vi.unstubAllGlobals();
});

const CALL = '01a21dd7-0000-7000-8000-000000000001';

const rubric: Schema<'RubricView'> = {
  callId: CALL,
  locked: false,
  version: 3,
  updatedAt: '2026-01-01T00:00:00Z',
  criteria: [
    { key: 'impact', label: { fa: 'اثر', en: 'Impact' }, guidance: { fa: 'راهنمای اثر', en: null }, weight: 3, scaleMin: 1, scaleMax: 10 },
    { key: 'feasibility', label: { fa: 'شدنی بودن', en: null }, guidance: null, weight: 1, scaleMin: 0, scaleMax: 5 },
  ],
};

const row = (n: string) => screen.getByRole('group', { name: `Criterion ${n}` });

describe('the rubric editor', { timeout: 30_000 }, () => {
  it('builds the PUT body from added, moved and removed rows, with If-Match', async () => {
    const calls = stubApi((request) => (request.method === 'PUT' ? { body: { ...rubric, version: 4 } } : undefined));
    const onSaved = vi.fn();
    await renderWithApp(<RubricEditor callId={CALL} rubric={rubric} onSaved={onSaved} onReload={() => {}} />, { locale: 'en' });

    // The weights 3 and 1 are 75% and 25% of the total.
    const shares = screen.getByRole('table', { name: "Each criterion's share of the total" });
    expect(within(shares).getByRole('row', { name: /Impact/ })).toHaveTextContent('75%');

    await userEvent.click(screen.getByRole('button', { name: 'Add a criterion' }));
    const third = row('3');
    await userEvent.clear(within(third).getByLabelText(/^Key/));
    await userEvent.type(within(third).getByLabelText(/^Key/), 'benefit');
    await userEvent.type(within(third).getByLabelText(/^Label \(Persian\)/), 'سود');
    await userEvent.type(within(third).getByLabelText(/^Scoring guidance \(English\)/), 'What the city gains');
    await userEvent.clear(within(third).getByLabelText(/^Weight/));
    await userEvent.type(within(third).getByLabelText(/^Weight/), '۴');
    // 3, 1, 4: the new one is half of the total.
    await waitFor(() => expect(within(shares).getByRole('row', { name: /سود/ })).toHaveTextContent('50%'));

    await userEvent.click(screen.getByRole('button', { name: 'Move criterion 3 up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove criterion 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the rubric' }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.headers.get('If-Match')).toBe('"3"');
    expect(new URL(calls[0]!.url).pathname).toBe(`/api/v1/calls/${CALL}/rubric`);
    expect(await calls[0]!.json()).toEqual({
      criteria: [
        { key: 'benefit', label: { fa: 'سود', en: null }, guidance: { fa: '', en: 'What the city gains' }, weight: 4, scaleMin: 1, scaleMax: 10 },
        { key: 'feasibility', label: { fa: 'شدنی بودن', en: null }, guidance: null, weight: 1, scaleMin: 0, scaleMax: 5 },
      ],
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('sends no If-Match for a first rubric and shows a 422 at its criterion', async () => {
    const calls = stubApi(() => ({
      status: 422,
      body: {
        type: 'urn:citizen-diplomat:problem:validation_failed',
        title: 'Validation failed',
        status: 422,
        detail: 'invalid',
        code: 'validation_failed',
        errors: [
          { pointer: '/criteria/1/weight', code: 'invalid', message: 'A weight is a number above 0 and at most 100.' },
          { pointer: '/criteria/1/scaleMax', code: 'scale_order', message: 'The top of the scale (1) must be above its bottom (1).' },
        ],
      },
    }));
    await renderWithApp(<RubricEditor callId={CALL} rubric={null} onSaved={() => {}} onReload={() => {}} />, { locale: 'en' });
    await userEvent.type(within(row('1')).getByLabelText(/^Key/), 'impact');
    await userEvent.type(within(row('1')).getByLabelText(/^Label \(Persian\)/), 'اثر');
    await userEvent.click(screen.getByRole('button', { name: 'Add a criterion' }));
    await userEvent.type(within(row('2')).getByLabelText(/^Key/), 'cost');
    await userEvent.type(within(row('2')).getByLabelText(/^Label \(Persian\)/), 'هزینه');
    await userEvent.click(screen.getByRole('button', { name: 'Save the rubric' }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.headers.has('If-Match')).toBe(false);
    expect(await within(row('2')).findByText('This value is not valid.')).toBeInTheDocument();
    expect(within(row('2')).getByLabelText(/^Weight/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(row('2')).getByText('The highest score must be above the lowest.')).toBeInTheDocument();
    expect(within(row('1')).queryByText('This value is not valid.')).toBeNull();
  });
});

describe('the shares of the weights', () => {
  it('ignores weights that are not positive numbers yet', () => {
    expect(weightShares([{ weight: '۳' }, { weight: '1' }, { weight: '' }])).toEqual([0.75, 0.25, 0]);
  });
});
