import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Card } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { OCCUPATIONS } from '@/lib/api/enums';
import { applyFieldErrors } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { useLocale } from '@/lib/i18n/useLocale';
import { updateMe } from './api';
import { useAccountErrorText } from './errors';
import { languageOptions } from './languages';
import { TiesEditor, toRow, toTie, type ProfileValues } from './TiesEditor';

/** The request that saves a profile form: lists replace the stored ones whole. */
export function profileChange(values: ProfileValues): Schema<'UpdateMeRequest'> {
  return {
    profile: {
      occupationCategory: values.profile.occupationCategory || null,
      languages: values.profile.languages,
      ties: values.profile.ties.map(toTie),
    },
  };
}

/** The citizen profile: occupation, languages and ties abroad. */
export function CitizenProfileForm({ me }: { me: Schema<'MeView'> }) {
  const { t } = useTranslation(['account', 'enums', 'common']);
  const { locale } = useLocale();
  const errorText = useAccountErrorText();
  const form = useForm<ProfileValues>({
    defaultValues: {
      profile: {
        occupationCategory: me.profile.occupationCategory ?? '',
        languages: me.profile.languages,
        ties: me.profile.ties.map((tie) => toRow(tie, locale)),
      },
    },
  });
  const save = useMutation(updateMe());
  const submit = (values: ProfileValues) =>
    save.mutate(profileChange(values), {
      onSuccess: (saved) =>
        form.reset({
          profile: {
            occupationCategory: saved.profile.occupationCategory ?? '',
            languages: saved.profile.languages,
            ties: saved.profile.ties.map((tie) => toRow(tie, locale)),
          },
        }),
      onError: (error) => applyFieldErrors(errorText, error, form.setError),
    });
  const { errors } = form.formState;
  const languages = languageOptions(locale, me.profile.languages);
  return (
    <Card title={t('profile.citizen')}>
      <p className="muted">{t('profile.citizenLead')}</p>
      <form
        className="form"
        noValidate
        aria-label={t('profile.citizen')}
        onSubmit={form.handleSubmit(submit)}
      >
        <ProblemAlert error={save.error} />
        <div className="narrow">
          <Field label={t('profile.occupation')} error={errors.profile?.occupationCategory?.message}>
            {(control) => (
              <select {...control} {...form.register('profile.occupationCategory')}>
                <option value="">{t('profile.noOccupation')}</option>
                {OCCUPATIONS.map((occupation) => (
                  <option key={occupation} value={occupation}>
                    {t(`enums:OccupationCategory.${occupation}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="languages" aria-describedby={errors.profile?.languages ? 'languages-error' : undefined}>
          <legend className="field__label">{t('profile.languages')}</legend>
          <div className="languages__options">
            {languages.map((language) => (
              <label key={language.code} className="check">
                <input type="checkbox" value={language.code} {...form.register('profile.languages')} />
                <span>{language.name}</span>
              </label>
            ))}
          </div>
          {errors.profile?.languages?.message ? (
            <p id="languages-error" className="field__error">
              {errors.profile.languages.message}
            </p>
          ) : null}
        </fieldset>
        <TiesEditor control={form.control} register={form.register} errors={errors} />
        {save.isSuccess && !form.formState.isDirty ? <Notice>{t('profile.citizenSaved')}</Notice> : null}
        <div>
          <Button type="submit" busy={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
