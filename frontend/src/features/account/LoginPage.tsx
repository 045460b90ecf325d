import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { signIn } from './session';

/** Only paths of this app: `next` must not send anyone to another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation(['account', 'common']);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const passwordSet = (location.state as { notice?: string } | null)?.notice === 'passwordSet';
  const form = useForm<Schema<'LoginRequest'>>({ defaultValues: { email: '', password: '' } });
  const login = useMutation({
    mutationFn: signIn,
    onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }),
    onError: (error) => applyFieldErrors(errorText, error, form.setError),
  });
  const { errors } = form.formState;
  return (
    <Page title={t('login.title')}>
      <form className="form narrow" noValidate onSubmit={form.handleSubmit((values) => login.mutate(values))}>
        {passwordSet && !login.error ? <Notice>{t('login.passwordSet')}</Notice> : null}
        <ProblemAlert error={login.error} />
        <Field label={t('fields.email')} error={errors.email?.message} required>
          {(control) => (
            <input {...control} type="email" dir="ltr" autoComplete="username" {...form.register('email', { required: errorText.required })} />
          )}
        </Field>
        <Field label={t('fields.password')} error={errors.password?.message} required>
          {(control) => (
            <input {...control} type="password" dir="ltr" autoComplete="current-password" {...form.register('password', { required: errorText.required })} />
          )}
        </Field>
        <Button type="submit" busy={login.isPending}>
          {t('login.submit')}
        </Button>
        <p>
          {t('login.noAccount')} <Link to="/register">{t('common:nav.register')}</Link>
        </p>
      </form>
    </Page>
  );
}
