import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Page } from '@/components/ui/Page';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { publicApi, unwrap } from '@/lib/api/client';
import { applyFieldErrors } from '@/lib/api/messages';
import { useAccountErrorText } from './errors';
import { NewPasswordFields } from './NewPasswordFields';

type Values = { token: string; password: string; repeat: string };

/** Where an account made by staff (a reviewer, an enrolled user) chooses its password with a one-time token. */
export function SetPasswordPage() {
  const { t } = useTranslation('account');
  const errorText = useAccountErrorText({ passwords: true });
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm<Values>({ defaultValues: { token, password: '', repeat: '' } });
  const setPassword = useMutation({
    mutationFn: (values: Values) =>
      unwrap(publicApi.POST('/api/v1/auth/set-password', { body: { token: values.token, password: values.password } })),
    onSuccess: () => void navigate('/login', { replace: true, state: { notice: 'passwordSet' } }),
    onError: (error) => applyFieldErrors(errorText, error, form.setError),
  });
  const { errors } = form.formState;
  return (
    <Page title={t('setPassword.title')} lead={t('setPassword.lead')}>
      {token ? (
        <form className="form narrow" noValidate onSubmit={form.handleSubmit((values) => setPassword.mutate(values))}>
          {/* The token is not a field anyone types: its error is said above the form. */}
          {errors.token?.message ? (
            <p role="alert" className="alert alert--error">
              {errors.token.message}
            </p>
          ) : (
            <ProblemAlert error={setPassword.error} />
          )}
          <NewPasswordFields form={form} name="password" label={t('fields.newPassword')} repeat />
          <Button type="submit" busy={setPassword.isPending}>
            {t('setPassword.submit')}
          </Button>
        </form>
      ) : (
        <p role="alert" className="alert alert--error">
          {t('setPassword.noToken')}
        </p>
      )}
    </Page>
  );
}
