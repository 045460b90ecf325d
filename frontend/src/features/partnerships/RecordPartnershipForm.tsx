import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BilingualFields } from '@/components/ui/BilingualFields';
import { Button } from '@/components/ui/Button';
import { DateField } from '@/components/ui/DateField';
import { Field } from '@/components/ui/Field';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { citiesQuery } from '@/lib/api/cities';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { countryName, countryOptions } from '@/lib/format/countries';
import { pick, toBilingual } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { recordPartnership } from './api';
import { KINDS, STATES } from './registerQuery';

type Values = {
  cityMode: 'existing' | 'new';
  citySearch: string;
  cityId: string;
  name: { fa: string; en: string };
  country: string;
  kind: Schema<'PartnershipKind'>;
  state: Schema<'PartnershipState'>;
  signedOn: string;
};

/** Records a partnership with a city chosen from the list or added on the spot (POST /cities, then /partnerships). */
export function RecordPartnershipForm() {
  const { t } = useTranslation(['partnerships', 'enums', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const form = useForm<Values>({
    defaultValues: { cityMode: 'new', citySearch: '', cityId: '', name: { fa: '', en: '' }, country: '', kind: 'sister_city', state: 'active', signedOn: '' },
  });
  const { errors } = form.formState;
  const [mode, search] = useWatch({ control: form.control, name: ['cityMode', 'citySearch'] });
  const citySearch = search.trim();
  const cityQuery = { limit: 50, ...(citySearch ? { q: citySearch } : {}) };
  const cities = useQuery({ ...citiesQuery(cityQuery), enabled: mode === 'existing', placeholderData: keepPreviousData });

  // Should the partnership be refused, a retry must not add the city twice: the form turns to the city just added.
  const record = useMutation(
    recordPartnership((city) => {
      form.setValue('cityMode', 'existing');
      form.setValue('citySearch', city.name.fa);
      form.setValue('cityId', city.id);
    }),
  );
  const submit = (values: Values) => {
    const partnership = { kind: values.kind, state: values.state, signedOn: values.signedOn || null };
    record.mutate(
      values.cityMode === 'new'
        ? { ...partnership, newCity: { name: toBilingual(values.name), country: values.country } }
        : { ...partnership, cityId: values.cityId },
      {
        onSuccess: (created) => void navigate(`/staff/partnerships/${created.id}`),
        onError: (error) => applyFieldErrors(errorText, error, form.setError),
      },
    );
  };

  return (
    <form className="form" aria-label={t('staff.recordTitle')} noValidate onSubmit={form.handleSubmit(submit)}>
      <ProblemAlert error={record.error} />
      <fieldset className="field">
        <legend className="field__label">{t('staff.cityMode')}</legend>
        <div className="row">
          <label className="check">
            <input type="radio" value="new" {...form.register('cityMode')} /> {t('staff.newCity')}
          </label>
          <label className="check">
            <input type="radio" value="existing" {...form.register('cityMode')} /> {t('staff.existingCity')}
          </label>
        </div>
      </fieldset>
      {mode === 'new' ? (
        <div className="stack">
          <BilingualFields<Values> name="name" label={t('staff.cityName')} register={form.register} errors={errors} />
          <Field label={t('staff.country')} error={errors.country?.message} required>
            {(control) => (
              <select {...control} {...form.register('country', { required: errorText.required })}>
                <option value="">{t('staff.chooseCountry')}</option>
                {countryOptions(locale).map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : (
        <div className="form__row">
          <Field label={t('staff.citySearch')}>{(control) => <input {...control} type="search" {...form.register('citySearch')} />}</Field>
          <Field label={t('staff.cityChoice')} error={errors.cityId?.message} required hint={cities.data?.items.length === 0 ? t('staff.noCities') : undefined}>
            {(control) => (
              <select {...control} {...form.register('cityId', { required: errorText.required })}>
                <option value="">{t('staff.chooseCity')}</option>
                {(cities.data?.items ?? []).map((city) => (
                  <option key={city.id} value={city.id}>
                    {pick(city.name, locale)} — {countryName(city.country, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      <div className="form__row">
        <Field label={t('staff.kind')} error={errors.kind?.message} required>
          {(control) => (
            <select {...control} {...form.register('kind')}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`enums:PartnershipKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('staff.state')} error={errors.state?.message} required>
          {(control) => (
            <select {...control} {...form.register('state')}>
              {STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`enums:PartnershipState.${state}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Controller
          control={form.control}
          name="signedOn"
          render={({ field }) => <DateField label={t('staff.signedOn')} value={field.value} onChange={field.onChange} error={errors.signedOn?.message} yearsBefore={40} yearsAfter={1} />}
        />
      </div>
      <p className="field__hint">{t('staff.signedOnHint')}</p>
      <div>
        <Button type="submit" busy={record.isPending}>
          {t('staff.submit')}
        </Button>
      </div>
    </form>
  );
}
