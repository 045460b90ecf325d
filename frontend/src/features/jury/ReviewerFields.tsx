import { useTranslation } from 'react-i18next';
import type { FieldError, FieldErrors, Path, UseFormRegister } from 'react-hook-form';
import { Field } from '@/components/ui/Field';
import type { ErrorText } from '@/lib/api/messages';
import { latinDigits } from '@/lib/format/numbers';
import { DOMAINS, ORGANISATIONS, parseCount } from './options';

/** What enrolling and editing a reviewer share: organisation, expertise and maximum load. */
export type ProfileValues = { organisation: string; expertise: string[]; maxLoad: string };

/** The errors of a list's items, as react-hook-form keeps them beside the list's own. */
function itemErrors(errors: FieldErrors<ProfileValues>['expertise']): (FieldError | undefined)[] {
  return Array.isArray(errors) ? Array.from(errors as ArrayLike<FieldError | undefined>) : [];
}

type Props<T extends ProfileValues> = {
  register: UseFormRegister<T>;
  errors: FieldErrors<ProfileValues>;
  errorText: ErrorText;
  /** Makes ids unique when two forms are on the page. */
  idPrefix: string;
};

export function validMaxLoad(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 500;
}

export function ReviewerProfileFields<T extends ProfileValues>({ register, errors, errorText, idPrefix }: Props<T>) {
  const { t } = useTranslation(['jury', 'enums']);
  // The list's own error, else the first of its items' (the server may point at /expertise/<n>).
  const expertiseError = errors.expertise?.message ?? itemErrors(errors.expertise).find(Boolean)?.message;
  return (
    <>
      <Field label={t('fields.organisation')} error={errors.organisation?.message} required>
        {(control) => (
          <select {...control} {...register('organisation' as Path<T>, { required: errorText.required })}>
            <option value="">{t('fields.choose')}</option>
            {ORGANISATIONS.map((value) => (
              <option key={value} value={value}>
                {t(`enums:Organisation.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="field" aria-describedby={expertiseError ? `${idPrefix}-expertise-error` : undefined}>
        <legend className="field__label">{t('fields.expertise')}</legend>
        <div className="checks">
          {DOMAINS.map((value) => (
            <label key={value}>
              <input type="checkbox" value={value} {...register('expertise' as Path<T>)} />
              {t(`enums:Domain.${value}`)}
            </label>
          ))}
        </div>
        {expertiseError ? (
          <p id={`${idPrefix}-expertise-error`} className="field__error">
            {expertiseError}
          </p>
        ) : null}
      </fieldset>
      <Field label={t('fields.maxLoad')} hint={t('fields.maxLoadHint')} error={errors.maxLoad?.message} required>
        {(control) => <input {...control} inputMode="numeric" dir="ltr" className="input--short" {...register('maxLoad' as Path<T>, {
              required: errorText.required,
              validate: (value) => validMaxLoad(parseCount(String(value), latinDigits)) || errorText.field('range', 'range'),
            })} />}
      </Field>
    </>
  );
}
