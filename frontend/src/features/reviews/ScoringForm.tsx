import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { Moment } from '@/components/ui/Time';
import { RECOMMENDATIONS } from '@/lib/api/enums';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { formatNumber, latinDigits } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { saveReview, submitReview } from './api';
import { reviewTotal, scoredCount, type Scores } from './total';

type Criterion = Schema<'CriterionDto'>;
type Review = Schema<'ReviewView'>;
type ReviewAction = Schema<'ReviewAction'>;
type Recommendation = Schema<'Recommendation'>;

export type ScoringValues = {
  /** Criterion key → the score as typed or chosen ('' for none yet). */
  scores: Record<string, string>;
  recommendation: Recommendation | '';
  commentToSubmitter: string;
  commentToStaff: string;
};

/** Scales this short are offered as a list to choose from; longer ones are typed. */
const SELECT_UP_TO = 10;

/** A typed score (any digits) as an integer, or undefined when empty or not a whole number. */
export function parseScore(raw: string | undefined): number | undefined {
  const text = latinDigits((raw ?? '').trim());
  if (!/^-?\d+$/.test(text)) return undefined;
  return Number(text);
}

function parsedScores(criteria: readonly Criterion[], raw: Record<string, string>): Scores {
  const scores: Scores = {};
  for (const criterion of criteria) scores[criterion.key] = parseScore(raw[criterion.key]);
  return scores;
}

function toRequest(criteria: readonly Criterion[], values: ScoringValues): Schema<'ReviewRequest'> {
  const scores: Record<string, number> = {};
  for (const [key, score] of Object.entries(parsedScores(criteria, values.scores))) {
    if (score !== undefined) scores[key] = score;
  }
  return {
    scores,
    recommendation: values.recommendation || null,
    commentToSubmitter: values.commentToSubmitter.trim() || null,
    commentToStaff: values.commentToStaff.trim() || null,
  };
}

/**
 * The scoring sheet: one control per criterion with its guidance and scale, the live total (the server's rule),
 * the recommendation and comments; save a draft, or submit after a confirmation.
 */
export function ScoringForm({ ideaId, criteria, review }: { ideaId: string; criteria: Criterion[]; review: Review | null }) {
  const { t } = useTranslation(['reviews', 'enums', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<ScoringValues>({
    defaultValues: {
      scores: Object.fromEntries(criteria.map((c) => [c.key, review?.scores[c.key] === undefined ? '' : String(review.scores[c.key])])),
      recommendation: review?.recommendation ?? '',
      commentToSubmitter: review?.commentToSubmitter ?? '',
      commentToStaff: review?.commentToStaff ?? '',
    },
  });
  const { errors } = form.formState;
  const raw = useWatch({ control: form.control, name: 'scores' });
  const scores = parsedScores(criteria, raw ?? {});
  const total = reviewTotal(criteria, scores);
  const scored = scoredCount(criteria, scores);
  const n = (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options);
  const submitted = Boolean(review?.submittedAt);
  // What the server lets me do with my review; before a first save there is none to ask about, and a draft may
  // be saved or submitted (the server refuses either outside the review window).
  const allowed: ReviewAction[] = review ? review.allowedActions : ['save', 'submit'];

  const saveDraft = useMutation(saveReview(ideaId));
  const submit = useMutation(submitReview(ideaId));
  const saveValues = (values: ScoringValues) => {
    setNotice(null);
    saveDraft.mutate(toRequest(criteria, values), {
      onSuccess: () => setNotice(t('form.saved')),
      onError: (error) => applyFieldErrors(errorText, error, form.setError),
    });
  };
  const submitValues = (values: ScoringValues) => {
    setNotice(null);
    submit.mutate(toRequest(criteria, values), {
      onSuccess: () => {
        setConfirming(false);
        setNotice(t('form.submitted'));
      },
      onError: (error) => {
        setConfirming(false);
        applyFieldErrors(errorText, error, form.setError);
      },
    });
  };
  const busy = saveDraft.isPending || submit.isPending;

  return (
    <form className="form" noValidate aria-labelledby="scoring-title" onSubmit={form.handleSubmit(saveValues)}>
      <h2 id="scoring-title">{t('form.title')}</h2>
      {review ? (
        <p className="muted">
          {submitted ? t('form.submittedAt') : t('form.draftSavedAt')} <Moment value={review.submittedAt ?? review.updatedAt} style="dateTime" />
        </p>
      ) : null}
      <fieldset className="stack">
        <legend>{t('form.criteriaLegend')}</legend>
        {criteria.map((criterion) => {
          const scale = t('form.scale', { min: n(criterion.scaleMin), max: n(criterion.scaleMax) });
          const guidance = pick(criterion.guidance, locale);
          const invalid = t('form.invalidScore', { min: n(criterion.scaleMin), max: n(criterion.scaleMax) });
          const select = criterion.scaleMax - criterion.scaleMin <= SELECT_UP_TO;
          const register = form.register(`scores.${criterion.key}`, {
            validate: (value) => {
              if (!value.trim()) return true;
              const score = parseScore(value);
              return (score !== undefined && score >= criterion.scaleMin && score <= criterion.scaleMax) || invalid;
            },
          });
          return (
            <div key={criterion.key} className="criterion">
              <Field
                label={pick(criterion.label, locale)}
                hint={
                  <>
                    {guidance ? <span className="review-text">{guidance}</span> : null}
                    <span className="criterion__meta">
                      <span>{scale}</span>
                      <span>{t('form.weight', { weight: n(criterion.weight) })}</span>
                    </span>
                  </>
                }
                error={errors.scores?.[criterion.key]?.message}
                required
              >
                {(control) =>
                  select ? (
                    <select {...control} {...register}>
                      <option value="">{t('form.choose')}</option>
                      {Array.from({ length: criterion.scaleMax - criterion.scaleMin + 1 }, (_, i) => criterion.scaleMin + i).map((value) => (
                        <option key={value} value={String(value)}>
                          {n(value)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input {...control} inputMode="numeric" autoComplete="off" data-scale-min={criterion.scaleMin} data-scale-max={criterion.scaleMax} {...register} />
                  )
                }
              </Field>
            </div>
          );
        })}
      </fieldset>

      <div className="live-total" aria-live="polite" aria-atomic="true" data-testid="live-total">
        <span>{t('form.total')}:</span>
        <output className="live-total__value">
          {total === null ? '—' : t('form.totalOf', { total: n(total, { maximumFractionDigits: 1 }) })}
        </output>
        {total === null ? (
          <span className="muted">{t('form.partial', { scored: n(scored), count: n(criteria.length) })}</span>
        ) : null}
      </div>

      <Field label={t('form.recommendation')} error={errors.recommendation?.message} required>
        {(control) => (
          <select {...control} {...form.register('recommendation')}>
            <option value="">{t('form.chooseRecommendation')}</option>
            {RECOMMENDATIONS.map((value) => (
              <option key={value} value={value}>
                {t(`enums:Recommendation.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('form.commentToSubmitter')} hint={t('form.commentToSubmitterHint')} error={errors.commentToSubmitter?.message}>
        {(control) => <textarea {...control} dir="auto" rows={4} maxLength={5000} {...form.register('commentToSubmitter')} />}
      </Field>
      <Field label={t('form.commentToStaff')} hint={t('form.commentToStaffHint')} error={errors.commentToStaff?.message}>
        {(control) => <textarea {...control} dir="auto" rows={3} maxLength={5000} {...form.register('commentToStaff')} />}
      </Field>

      <ProblemAlert error={saveDraft.error ?? submit.error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('form.submit')}>
          <p>{t('form.confirmSubmit')}</p>
          <div className="row">
            <Button busy={submit.isPending} onClick={form.handleSubmit(submitValues)}>
              {t('form.confirmYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common:actions.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="row">
          {allowed.includes('save') ? (
            <Button type="submit" variant="secondary" busy={saveDraft.isPending} disabled={busy}>
              {t('form.saveDraft')}
            </Button>
          ) : null}
          {allowed.includes('submit') ? (
            <Button disabled={busy} onClick={() => setConfirming(true)}>
              {submitted ? t('form.resubmit') : t('form.submit')}
            </Button>
          ) : null}
        </div>
      )}
    </form>
  );
}
