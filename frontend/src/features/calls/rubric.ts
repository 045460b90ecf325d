// The rubric editor's rows and the PUT body built from them.
import type { Schema } from '@/lib/api/types';
import { latinDigits } from '@/lib/format/numbers';

type Criterion = Schema<'CriterionDto'>;

export type CriterionRow = {
  key: string;
  label: { fa: string; en: string };
  guidance: { fa: string; en: string };
  /** As typed, in any digits. */
  weight: string;
  scaleMin: string;
  scaleMax: string;
};

export type RubricFormValues = { criteria: CriterionRow[] };

export function emptyRow(): CriterionRow {
  return { key: '', label: { fa: '', en: '' }, guidance: { fa: '', en: '' }, weight: '1', scaleMin: '1', scaleMax: '10' };
}

export function rowOf(criterion: Criterion): CriterionRow {
  return {
    key: criterion.key,
    label: { fa: criterion.label.fa, en: criterion.label.en ?? '' },
    guidance: { fa: criterion.guidance?.fa ?? '', en: criterion.guidance?.en ?? '' },
    weight: String(criterion.weight),
    scaleMin: String(criterion.scaleMin),
    scaleMax: String(criterion.scaleMax),
  };
}

/** A number typed with Persian, Arabic or Latin digits and either decimal mark, or NaN. */
export function parseNumber(text: string): number {
  const latin = latinDigits(text.trim()).replace(/[٫,]/g, '.');
  return /^\d+(\.\d+)?$/.test(latin) ? Number(latin) : Number.NaN;
}

function text(value: { fa: string; en: string }): { fa: string; en: string | null } {
  const en = value.en.trim();
  return { fa: value.fa.trim(), en: en ? en : null };
}

export function criterionOf(row: CriterionRow): Criterion {
  const guidance = text(row.guidance);
  return {
    key: row.key.trim(),
    label: text(row.label),
    guidance: guidance.fa || guidance.en ? guidance : null,
    weight: parseNumber(row.weight),
    scaleMin: parseNumber(row.scaleMin),
    scaleMax: parseNumber(row.scaleMax),
  };
}

export function rubricRequest(values: RubricFormValues): Schema<'RubricRequest'> {
  return { criteria: values.criteria.map(criterionOf) };
}

/** Each weight's share of their sum, 0 to 1; zeros while a weight is not a positive number. */
export function weightShares(rows: { weight: string }[]): number[] {
  const weights = rows.map((row) => {
    const weight = parseNumber(row.weight);
    return Number.isFinite(weight) && weight > 0 ? weight : 0;
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (total > 0 ? weight / total : 0));
}
