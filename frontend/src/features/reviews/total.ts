// A review's total, computed exactly as the server does (crates/domain/src/rubric.rs, `Rubric::total`), so that
// the total a reviewer sees while typing is the one the ranking will use.
import type { Schema } from '@/lib/api/types';

export type Criterion = Pick<Schema<'CriterionDto'>, 'key' | 'weight' | 'scaleMin' | 'scaleMax'>;
/** Criterion key → score; a criterion not scored yet is absent (or undefined). */
export type Scores = Record<string, number | undefined>;

/**
 * The weighted total on 0–100: each score placed on 0–1 along its own scale ((score − min) / (max − min)),
 * weighted by its criterion's share of the weights. Null, as on the server, while any criterion is unscored or
 * off its scale, or when the rubric cannot give a total (no criteria, a flat scale, weights adding to nothing).
 * Scores for keys the rubric does not have are ignored.
 */
export function reviewTotal(criteria: readonly Criterion[], scores: Scores): number | null {
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores[criterion.key];
    if (score === undefined || !Number.isInteger(score)) return null;
    if (score < criterion.scaleMin || score > criterion.scaleMax) return null;
    const span = criterion.scaleMax - criterion.scaleMin;
    if (span <= 0) return null;
    weighted += criterion.weight * ((score - criterion.scaleMin) / span);
    weights += criterion.weight;
  }
  if (!(weights > 0 && Number.isFinite(weights))) return null;
  return (100 * weighted) / weights;
}

/** How many of the rubric's criteria have a score on their scale. */
export function scoredCount(criteria: readonly Criterion[], scores: Scores): number {
  return criteria.filter((c) => {
    const score = scores[c.key];
    return score !== undefined && Number.isInteger(score) && score >= c.scaleMin && score <= c.scaleMax;
  }).length;
}
