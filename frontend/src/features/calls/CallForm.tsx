import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BilingualFields } from '@/components/ui/BilingualFields';
import { Button } from '@/components/ui/Button';
import { DateField } from '@/components/ui/DateField';
import { Field } from '@/components/ui/Field';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import type { Schema } from '@/lib/api/types';
import { localDigits } from '@/lib/format/numbers';
import type { Locale } from '@/lib/i18n/locale';
import { useLocale } from '@/lib/i18n/useLocale';
import { saveCall } from './api';
import { DOMAINS, WINDOW_FIELDS, callValues, emptyCallValues, parseWhole, type CallFormValues } from './callForm';

type CallView = Schema<'CallView'>;

type Props = {
  /** The call to edit; a new call when absent. */
  call?: CallView;
  /** After an edit: the call as saved. */
  onSaved?: (call: CallView) => void;
  /** Reloads the call after a stale_version answer. */
  onReload?: () => void;
};

/** Creates a call, or edits one with If-Match; the server's field errors appear in place. */
export function CallForm({ call, onSaved, onReload }: Props) {
  const { t } = useTranslation(['calls', 'enums', 'common']);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [stale, setStale] = useState(false);
  const { locale } = useLocale();
  const form = useForm<CallFormValues>({ defaultValues: localNumbers(call ? callValues(call) : emptyCallValues(), locale) });
  const { register, handleSubmit, control, setError, formState } = form;
  const { errors } = formState;

  const save = useMutation(saveCall(call));

  const wholeNumber = (min: number, max: number) => (text: string) => {
    const value = parseWhole(text);
    if (Number.isNaN(value)) return t('form.notANumber');
    return (value >= min && value <= max) || errorText.field('range', '');
  };

  const submit = handleSubmit((values) => {
    setStale(false);
    save.mutate(values, {
      onSuccess: (saved) => {
        if (call) onSaved?.(saved);
        else void navigate(`/staff/calls/${saved.id}`, { state: { created: true } });
      },
      onError: (error) => {
        if (error instanceof ApiProblem && error.code === 'stale_version') setStale(true);
        applyFieldErrors(errorText, error, setError);
      },
    });
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      {stale ? (
        <div role="alert" className="alert alert--error stack">
          <p>{t('form.stale')}</p>
          <div>
            <Button variant="secondary" onClick={() => onReload?.()}>
              {t('form.reload')}
            </Button>
          </div>
        </div>
      ) : (
        <ProblemAlert error={save.error} />
      )}
      <BilingualFields<CallFormValues> name="title" label={t('form.titleField')} register={register} errors={errors} />
      <BilingualFields<CallFormValues> name="description" label={t('form.description')} register={register} errors={errors} multiline />

      <fieldset className="stack">
        <legend className="field__label">{t('form.window')}</legend>
        <p className="field__hint">{t('form.windowHint')}</p>
        <div className="grid">
          {WINDOW_FIELDS.map((name) => (
            <Controller
              key={name}
              control={control}
              name={name}
              rules={{ required: errorText.required }}
              render={({ field, fieldState }) => (
                <DateField
                  label={t(`form.${name}`)}
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error?.message}
                  required
                />
              )}
            />
          ))}
        </div>
        {call ? <p className="field__hint">{t('form.reviewSameDay')}</p> : null}
      </fieldset>

      <fieldset className={errors.domains ? 'field field--invalid' : undefined} aria-describedby="call-domains-hint">
        <legend className="field__label">{t('form.domains')}</legend>
        <p id="call-domains-hint" className="field__hint">
          {t('form.domainsHint')}
        </p>
        <div className="call-form__domains">
          {DOMAINS.map((domain) => (
            <label key={domain} className="check">
              <input type="checkbox" value={domain} {...register('domains', { validate: (chosen) => chosen.length > 0 || errorText.required })} />
              {t(`enums:Domain.${domain}`)}
            </label>
          ))}
        </div>
        {errors.domains?.message ? (
          <p role="alert" className="field__error">
            {errors.domains.message}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="stack">
        <legend className="field__label">{t('form.rules')}</legend>
        <div className="grid">
          <Field label={t('form.ideasPerCitizen')} error={errors.ideasPerCitizen?.message} required>
            {(props) => <input {...props} inputMode="numeric" {...register('ideasPerCitizen', { validate: wholeNumber(1, 50) })} />}
          </Field>
          <Field label={t('form.reviewersPerIdea')} error={errors.reviewersPerIdea?.message} required>
            {(props) => <input {...props} inputMode="numeric" {...register('reviewersPerIdea', { validate: wholeNumber(1, 10) })} />}
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" {...register('blindReview')} />
          {t('form.blindReview')}
        </label>
      </fieldset>

      <div className="row">
        <Button type="submit" busy={save.isPending}>
          {save.isPending ? t('common:actions.saving') : call ? t('common:actions.save') : t('form.create')}
        </Button>
      </div>
    </form>
  );
}

/** The form's numbers in the locale's digits (parsing takes any). */
function localNumbers(values: CallFormValues, locale: Locale): CallFormValues {
  return {
    ...values,
    ideasPerCitizen: localDigits(values.ideasPerCitizen, locale),
    reviewersPerIdea: localDigits(values.reviewersPerIdea, locale),
  };
}
