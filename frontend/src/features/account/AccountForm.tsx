import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Card } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { LOCALES, type Locale } from '@/lib/i18n/locale';
import { useLocale } from '@/lib/i18n/useLocale';
import { updateMe } from './api';
import { useAccountErrorText } from './errors';

type Values = { displayName: string; locale: Locale };

/** The account's display name and preferred language; a new language also becomes the interface's. */
export function AccountForm({ me }: { me: Schema<'MeView'> }) {
  const { t } = useTranslation(['account', 'enums', 'common']);
  const { setLocale } = useLocale();
  const errorText = useAccountErrorText();
  const form = useForm<Values>({ defaultValues: { displayName: me.displayName, locale: me.locale } });
  const save = useMutation(updateMe());
  const submit = (values: Values) =>
    save.mutate(
      { displayName: values.displayName.trim(), locale: values.locale },
      {
        onSuccess: (saved) => {
          form.reset({ displayName: saved.displayName, locale: saved.locale });
          if (saved.locale !== me.locale) setLocale(saved.locale);
        },
        onError: (error) => applyFieldErrors(errorText, error, form.setError),
      },
    );
  const { errors } = form.formState;
  return (
    <Card title={t('profile.account')}>
      <form className="form narrow" noValidate aria-label={t('profile.account')} onSubmit={form.handleSubmit(submit)}>
        <ProblemAlert error={save.error} />
        <p>
          {t('fields.email')}: <bdi dir="ltr">{me.email}</bdi>
        </p>
        <Field label={t('fields.displayName')} hint={t('fields.displayNameHint')} error={errors.displayName?.message} required>
          {(control) => (
            <input
              {...control}
              dir="auto"
              autoComplete="name"
              {...form.register('displayName', { validate: (value) => value.trim() !== '' || errorText.required })}
            />
          )}
        </Field>
        <Field label={t('fields.locale')} error={errors.locale?.message}>
          {(control) => (
            <select {...control} {...form.register('locale')}>
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {t(`enums:Locale.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {save.isSuccess && !form.formState.isDirty ? <Notice>{t('profile.accountSaved')}</Notice> : null}
        <div>
          <Button type="submit" busy={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
