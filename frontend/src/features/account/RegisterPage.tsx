import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Page } from '@/components/ui/Page';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import type { Schema } from '@/lib/api/types';
import { LOCALES, type Locale } from '@/lib/i18n/locale';
import { useLocale } from '@/lib/i18n/useLocale';
import { useAccountErrorText } from './errors';
import { NewPasswordFields } from './NewPasswordFields';
import { safeNext } from './LoginPage';
import { register as registerAccount } from './session';

type Values = { displayName: string; email: string; password: string; locale: Locale };

export function RegisterPage() {
  const { t } = useTranslation(['account', 'enums', 'common']);
  const errorText = useAccountErrorText({ passwordField: 'password' });
  const { locale, setLocale } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm<Values>({ defaultValues: { displayName: '', email: '', password: '', locale } });
  const registration = useMutation({
    mutationFn: (values: Values) => {
      const body: Schema<'RegisterRequest'> = {
        displayName: values.displayName.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: values.locale,
      };
      return registerAccount(body);
    },
    onSuccess: (session) => {
      if (session.user.locale !== locale) setLocale(session.user.locale);
      const next = params.get('next');
      if (next) void navigate(safeNext(next), { replace: true });
      else void navigate('/profile', { replace: true, state: { welcome: true } });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.code === 'email_taken') {
        form.setError('email', { type: 'email_taken', message: t('fieldErrors.email_taken') });
        return;
      }
      applyFieldErrors(errorText, error, form.setError);
    },
  });
  const { errors } = form.formState;
  // email_taken is said next to the e-mail; a summary above would only repeat it.
  const summary = registration.error instanceof ApiProblem && registration.error.code === 'email_taken' ? null : registration.error;
  return (
    <Page title={t('register.title')} lead={t('register.lead')}>
      <form className="form narrow" noValidate onSubmit={form.handleSubmit((values) => registration.mutate(values))}>
        <ProblemAlert error={summary} />
        <Field label={t('fields.displayName')} hint={t('fields.displayNameHint')} error={errors.displayName?.message} required>
          {(control) => (
            <input
              {...control}
              autoComplete="name"
              dir="auto"
              {...form.register('displayName', { validate: (value) => value.trim() !== '' || errorText.required })}
            />
          )}
        </Field>
        <Field label={t('fields.email')} error={errors.email?.message} required>
          {(control) => (
            <input {...control} type="email" dir="ltr" autoComplete="email" {...form.register('email', { required: errorText.required })} />
          )}
        </Field>
        <NewPasswordFields form={form} name="password" label={t('fields.password')} />
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
        <Button type="submit" busy={registration.isPending}>
          {t('register.submit')}
        </Button>
        <p>
          {t('register.haveAccount')} <Link to="/login">{t('common:nav.signIn')}</Link>
        </p>
      </form>
    </Page>
  );
}
