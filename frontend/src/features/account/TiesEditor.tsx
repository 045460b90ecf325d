import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { TIE_KINDS } from '@/lib/api/enums';
import type { Schema } from '@/lib/api/types';
import { countryOptions } from '@/lib/format/countries';
import { latinDigits, localDigits } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import { useAccountErrorText } from './errors';

export type TieKind = Schema<'TieKind'>;
export const MAX_TIES = 20;

/** A tie as the form holds it: the year as typed (any digits), and the stored tie's id (none for a new one; not
 * `id`, which the field array uses for its own keys). */
export type TieRow = { tieId?: string; city: string; country: string; nature: TieKind; since: string };

export type ProfileValues = {
  profile: { occupationCategory: Schema<'OccupationCategory'> | ''; languages: string[]; ties: TieRow[] };
};

/** A typed year (Persian, Arabic or Latin digits) as a number, or NaN. */
export function parseYear(text: string): number {
  const digits = latinDigits(text.trim());
  return /^\d{4}$/.test(digits) ? Number(digits) : NaN;
}

/** The tie to send: a stored tie keeps its id, so it stays the same tie. */
export function toTie(row: TieRow): Schema<'TieRequest'> {
  const tie = { city: row.city.trim(), country: row.country, nature: row.nature, since: parseYear(row.since) };
  return row.tieId ? { id: row.tieId, ...tie } : tie;
}

export function toRow(tie: Schema<'TieView'>, locale: 'fa' | 'en'): TieRow {
  return {
    tieId: tie.id,
    city: tie.city,
    country: tie.country,
    nature: tie.nature,
    since: localDigits(String(tie.since), locale),
  };
}

type Props = {
  control: Control<ProfileValues>;
  register: UseFormRegister<ProfileValues>;
  errors: FieldErrors<ProfileValues>;
};

/** The ties abroad: one row per tie (city, country, nature, since), added and removed freely. */
export function TiesEditor({ control, register, errors }: Props) {
  const { t } = useTranslation(['account', 'enums', 'common']);
  const { locale } = useLocale();
  const errorText = useAccountErrorText();
  const { fields, append, remove } = useFieldArray({ control, name: 'profile.ties' });
  const countries = countryOptions(locale);
  const thisYear = new Date().getFullYear();
  const rowErrors = errors.profile?.ties;
  return (
    <fieldset className="ties">
      <legend className="field__label">{t('profile.ties')}</legend>
      {fields.length === 0 ? <p className="muted">{t('profile.noTies')}</p> : null}
      <ol className="ties__list">
        {fields.map((field, index) => {
          const n = localDigits(String(index + 1), locale);
          const rowError = rowErrors?.[index];
          return (
            <li key={field.id} className="ties__row">
              <fieldset className="ties__fieldset">
                <legend>{t('profile.tie', { n })}</legend>
                <div className="ties__fields">
                  <Field label={t('profile.city')} error={rowError?.city?.message} required>
                    {(c) => (
                      <input
                        {...c}
                        dir="auto"
                        {...register(`profile.ties.${index}.city`, { validate: (value) => value.trim() !== '' || errorText.required })}
                      />
                    )}
                  </Field>
                  <Field label={t('profile.country')} error={rowError?.country?.message} required>
                    {(c) => (
                      <select {...c} {...register(`profile.ties.${index}.country`, { required: errorText.required })}>
                        <option value="">{t('profile.chooseCountry')}</option>
                        {countries.map((country) => (
                          <option key={country.code} value={country.code}>
                            {country.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={t('profile.nature')} error={rowError?.nature?.message} required>
                    {(c) => (
                      <select {...c} {...register(`profile.ties.${index}.nature`)}>
                        {TIE_KINDS.map((kind) => (
                          <option key={kind} value={kind}>
                            {t(`enums:TieKind.${kind}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={t('profile.since')} error={rowError?.since?.message} required>
                    {(c) => (
                      <input
                        {...c}
                        inputMode="numeric"
                        className="ties__year"
                        {...register(`profile.ties.${index}.since`, {
                          validate: (value) => {
                            const year = parseYear(value);
                            return (year >= 1900 && year <= thisYear) || t('fieldErrors.year');
                          },
                        })}
                      />
                    )}
                  </Field>
                  <div className="ties__remove">
                    <Button variant="secondary" onClick={() => remove(index)} aria-label={t('profile.removeTie', { n })}>
                      {t('common:actions.remove')}
                    </Button>
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {fields.length < MAX_TIES ? (
        <Button variant="secondary" onClick={() => append({ city: '', country: '', nature: 'study', since: '' })}>
          {t('profile.addTie')}
        </Button>
      ) : (
        <p className="muted">{t('profile.maxTies', { n: localDigits(String(MAX_TIES), locale) })}</p>
      )}
    </fieldset>
  );
}
