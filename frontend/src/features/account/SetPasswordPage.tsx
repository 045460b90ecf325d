import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Page } from '@/components/ui/Page';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors } from '@/lib/api/messages';
import { setPassword as setPasswordWithToken } from './api';
import { useAccountErrorText } from './errors';
import { NewPasswordFields } from './NewPasswordFields';

type Values = { token: string; password: string; repeat: string };

/**
 * The one-time token of a set-password link. Links carry it in their fragment (`#token=…`), which a browser never
 * sends to a server, so it reaches no access log and no Referer. Links made before carry it as `?token=…`; they
 * are still taken: by the time this page runs the request has gone out with it, so refusing would not undo that
 * leak, only leave the token unused and alive for its 7 days — while using it ends every outstanding token of the
 * account. No link is made that way any more, so the query form dies out with the last of those tokens.
 */
export function tokenOf(location: { hash: string; search: string }): string {
  const fromFragment = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  return fromFragment || new URLSearchParams(location.search).get('token') || '';
}

/** Where an account made by staff (a reviewer, an enrolled user) chooses its password with a one-time token. */
export function SetPasswordPage() {
  const { t } = useTranslation('account');
  const errorText = useAccountErrorText({ passwordField: 'password' });
  const navigate = useNavigate();
  const location = useLocation();
  // Read once: the address loses the token right after.
  const [token] = useState(() => tokenOf(location));
  useEffect(() => {
    // Out of the address bar and the history entry (a replace, so Back does not bring it again).
    if (location.hash || location.search) void navigate({ pathname: location.pathname }, { replace: true, state: location.state as unknown });
  }, [location, navigate]);
  const form = useForm<Values>({ defaultValues: { token, password: '', repeat: '' } });
  const setPassword = useMutation(setPasswordWithToken());
  const submit = (values: Values) =>
    setPassword.mutate(
      { token: values.token, password: values.password },
      {
        onSuccess: () => void navigate('/login', { replace: true, state: { notice: 'passwordSet' } }),
        onError: (error) => applyFieldErrors(errorText, error, form.setError),
      },
    );
  const { errors } = form.formState;
  return (
    <Page title={t('setPassword.title')} lead={t('setPassword.lead')}>
      {token ? (
        <form className="form narrow" noValidate onSubmit={form.handleSubmit(submit)}>
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
