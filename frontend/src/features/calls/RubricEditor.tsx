import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { TableScroll } from '@/components/ui/Page';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors, useErrorText, type ErrorText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import type { Schema } from '@/lib/api/types';
import { formatNumber, localDigits } from '@/lib/format/numbers';
import type { Locale } from '@/lib/i18n/locale';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { saveRubric } from './api';
import { emptyRow, parseNumber, rowOf, rubricRequest, weightShares, type CriterionRow, type RubricFormValues } from './rubric';

type RubricView = Schema<'RubricView'>;

type Props = {
  callId: string;
  /** The rubric as read; null when the call has none yet. */
  rubric: RubricView | null;
  /** Shown without its controls: the call's `allowedActions` leave out `edit_rubric`. */
  readOnly?: boolean;
  onSaved: (rubric: RubricView) => void;
  onReload: () => void;
};

/** The criteria of a call's rubric: rows to add, remove and reorder, the weights' shares, and saving. */
export function RubricEditor({ callId, rubric, readOnly = false, onSaved, onReload }: Props) {
  const { t } = useTranslation(['calls', 'common']);
  const { locale } = useLocale();
  const baseText = useErrorText();
  const errorText: ErrorText = {
    ...baseText,
    field: (code, fallback) => (code === 'scale_order' ? t('rubric.scaleOrder') : baseText.field(code, fallback)),
  };
  const [stale, setStale] = useState(false);
  const form = useForm<RubricFormValues>({
    defaultValues: { criteria: (rubric ? rubric.criteria.map(rowOf) : [emptyRow()]).map((row) => localRow(row, locale)) },
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const { errors } = formState;
  const { fields, append, remove, move } = useFieldArray({ control, name: 'criteria' });
  const rows = useWatch({ control, name: 'criteria' });
  const shares = weightShares(rows ?? []);
  const locked = readOnly;

  const save = useMutation(saveRubric(callId, rubric));

  const number = (positive: boolean) => (text: string) => {
    const value = parseNumber(text);
    if (Number.isNaN(value)) return t('rubric.notANumber');
    return !positive || value > 0 || baseText.field('out_of_range', '');
  };
  const percent = (share: number) => formatNumber(share, locale, { style: 'percent', maximumFractionDigits: 1 });
  const listError = (errors.criteria as FieldError | undefined)?.message ?? errors.criteria?.root?.message;

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit((values) => {
        setStale(false);
        save.mutate(rubricRequest(values), {
          onSuccess: onSaved,
          onError: (error) => {
            if (error instanceof ApiProblem && error.code === 'stale_version') setStale(true);
            applyFieldErrors(errorText, error, setError);
          },
        });
      })}
    >
      {stale ? (
        <div role="alert" className="alert alert--error stack">
          <p>{t('rubric.stale')}</p>
          <div>
            <Button variant="secondary" onClick={onReload}>
              {t('rubric.reload')}
            </Button>
          </div>
        </div>
      ) : (
        <ProblemAlert error={save.error} />
      )}
      {listError ? (
        <p role="alert" className="field__error">
          {listError}
        </p>
      ) : null}
      <fieldset className="rubric-editor" disabled={locked}>
        <legend className="visually-hidden">{t('rubric.title')}</legend>
        <ol className="rubric-editor__rows">
          {fields.map((field, i) => {
            const n = formatNumber(i + 1, locale);
            const rowErrors = errors.criteria?.[i];
            return (
              <li key={field.id}>
                <fieldset className="card stack rubric-editor__row">
                  <legend className="field__label">{t('rubric.criterion', { n })}</legend>
                  <div className="rubric-editor__numbers">
                    <Field label={t('rubric.key')} hint={t('rubric.keyHint')} error={rowErrors?.key?.message} required>
                      {(props) => (
                        <input
                          {...props}
                          dir="ltr"
                          lang="en"
                          autoCapitalize="none"
                          spellCheck={false}
                          {...register(`criteria.${i}.key`, { required: baseText.required })}
                        />
                      )}
                    </Field>
                    <Field label={t('rubric.weight')} error={rowErrors?.weight?.message} required>
                      {(props) => <input {...props} inputMode="decimal" {...register(`criteria.${i}.weight`, { validate: number(true) })} />}
                    </Field>
                    <Field label={t('rubric.scaleMin')} error={rowErrors?.scaleMin?.message} required>
                      {(props) => <input {...props} inputMode="numeric" {...register(`criteria.${i}.scaleMin`, { validate: number(false) })} />}
                    </Field>
                    <Field label={t('rubric.scaleMax')} error={rowErrors?.scaleMax?.message} required>
                      {(props) => <input {...props} inputMode="numeric" {...register(`criteria.${i}.scaleMax`, { validate: number(false) })} />}
                    </Field>
                  </div>
                  <div className="bilingual">
                    <Field label={`${t('rubric.label')} (${t('common:fields.fa')})`} error={rowErrors?.label?.fa?.message} required>
                      {(props) => <input {...props} dir="rtl" lang="fa" {...register(`criteria.${i}.label.fa`, { required: baseText.required })} />}
                    </Field>
                    <Field label={`${t('rubric.label')} (${t('common:fields.en')}) ${t('common:fields.optional')}`} error={rowErrors?.label?.en?.message}>
                      {(props) => <input {...props} dir="ltr" lang="en" {...register(`criteria.${i}.label.en`)} />}
                    </Field>
                    <Field label={`${t('rubric.guidance')} (${t('common:fields.fa')})`} error={rowErrors?.guidance?.fa?.message}>
                      {(props) => <textarea {...props} dir="rtl" lang="fa" rows={3} {...register(`criteria.${i}.guidance.fa`)} />}
                    </Field>
                    <Field label={`${t('rubric.guidance')} (${t('common:fields.en')}) ${t('common:fields.optional')}`} error={rowErrors?.guidance?.en?.message}>
                      {(props) => <textarea {...props} dir="ltr" lang="en" rows={3} {...register(`criteria.${i}.guidance.en`)} />}
                    </Field>
                  </div>
                  <div className="row">
                    <Button variant="quiet" aria-label={t('rubric.moveUp', { n })} disabled={i === 0} onClick={() => move(i, i - 1)}>
                      {t('rubric.up')}
                    </Button>
                    <Button
                      variant="quiet"
                      aria-label={t('rubric.moveDown', { n })}
                      disabled={i === fields.length - 1}
                      onClick={() => move(i, i + 1)}
                    >
                      {t('rubric.down')}
                    </Button>
                    <Button variant="secondary" aria-label={t('rubric.remove', { n })} disabled={fields.length === 1} onClick={() => remove(i)}>
                      {t('common:actions.remove')}
                    </Button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="row">
          <Button variant="secondary" onClick={() => append(localRow(emptyRow(), locale))}>
            {t('rubric.add')}
          </Button>
        </div>
      </fieldset>

      <TableScroll label={t('rubric.weights')}>
        <table className="table">
          <caption className="visually-hidden">{t('rubric.weightsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rubric.label')}</th>
              <th scope="col" className="num">
                {t('rubric.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((row, i) => (
              <tr key={fields[i]?.id ?? i}>
                <th scope="row">{pick({ fa: row.label.fa.trim(), en: row.label.en.trim() }, locale) || row.key || t('rubric.criterion', { n: formatNumber(i + 1, locale) })}</th>
                <td className="num">
                  <span className="rubric-share">
                    <span className="rubric-share__track" aria-hidden="true">
                      <span className="rubric-share__bar" style={{ inlineSize: `${(shares[i] ?? 0) * 100}%` }} />
                    </span>
                    <span>{percent(shares[i] ?? 0)}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {locked ? null : (
        <div className="row">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t('common:actions.saving') : t('rubric.save')}
          </Button>
        </div>
      )}
    </form>
  );
}

/** A row's numbers in the locale's digits (parsing takes any). */
function localRow(row: CriterionRow, locale: Locale): CriterionRow {
  const local = (text: string) => localDigits(text, locale);
  return { ...row, weight: local(row.weight), scaleMin: local(row.scaleMin), scaleMax: local(row.scaleMax) };
}
