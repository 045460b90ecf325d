import { describe, expect, it } from 'vitest';
import { reviewTotal, scoredCount, type Criterion } from './total';

// The server's own worked rubric (crates/domain/src/rubric.rs tests): impact 1–5 ×3, feasibility 0–10 ×2, cost 1–3 ×1.
const three: Criterion[] = [
  { key: 'impact', weight: 3, scaleMin: 1, scaleMax: 5 },
  { key: 'feasibility', weight: 2, scaleMin: 0, scaleMax: 10 },
  { key: 'cost', weight: 1, scaleMin: 1, scaleMax: 3 },
];

describe('reviewTotal', () => {
  it('weighs each criterion on its own scale, on 0–100', () => {
    // impact 4 → 3/4 · 3 = 2.25; feasibility 7 → 0.7 · 2 = 1.4; cost 1 → 0; 100 · 3.65 / 6 = 60.83…
    expect(reviewTotal(three, { impact: 4, feasibility: 7, cost: 1 })).toBeCloseTo(365 / 6, 9);
    // impact 2 → 0.25 · 3 = 0.75; feasibility 10 → 2; cost 2 → 0.5; 100 · 3.25 / 6 = 54.16…
    expect(reviewTotal(three, { impact: 2, feasibility: 10, cost: 2 })).toBeCloseTo(325 / 6, 9);
  });

  it('puts the bottom of every scale at 0 and the top at 100, whatever the scales', () => {
    expect(reviewTotal(three, { impact: 1, feasibility: 0, cost: 1 })).toBe(0);
    expect(reviewTotal(three, { impact: 5, feasibility: 10, cost: 3 })).toBe(100);
  });

  it('is not the plain average of the raw scores: weights count', () => {
    const two: Criterion[] = [
      { key: 'a', weight: 1, scaleMin: 0, scaleMax: 10 },
      { key: 'b', weight: 3, scaleMin: 0, scaleMax: 10 },
    ];
    // a 10 → 1 · 1; b 0 → 0 · 3; 100 · 1 / 4 = 25 (an unweighted mean would say 50)
    expect(reviewTotal(two, { a: 10, b: 0 })).toBe(25);
  });

  it('has no total while a criterion is missing or off its scale, and ignores extra keys', () => {
    expect(reviewTotal(three, { impact: 5, feasibility: 10 })).toBeNull();
    expect(reviewTotal(three, { impact: 6, feasibility: 10, cost: 3 })).toBeNull();
    expect(reviewTotal(three, { impact: 5, feasibility: 10, cost: undefined })).toBeNull();
    expect(reviewTotal(three, { impact: 2.5, feasibility: 10, cost: 3 })).toBeNull();
    expect(reviewTotal(three, { impact: 5, feasibility: 10, cost: 3, old: 99 })).toBe(100);
  });

  it('says there is no total rather than dividing by zero', () => {
    expect(reviewTotal([], {})).toBeNull();
    expect(reviewTotal([{ key: 'a', weight: 1, scaleMin: 5, scaleMax: 5 }], { a: 5 })).toBeNull();
    expect(reviewTotal([{ key: 'a', weight: 0, scaleMin: 0, scaleMax: 5 }], { a: 5 })).toBeNull();
  });
});

describe('scoredCount', () => {
  it('counts the criteria scored on their scale', () => {
    expect(scoredCount(three, {})).toBe(0);
    expect(scoredCount(three, { impact: 4, feasibility: 11, cost: 2, other: 1 })).toBe(2);
  });
});
