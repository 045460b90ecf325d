import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors, useRetryText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import { isolate } from '@/lib/i18n/text';
import { requestPasswordReset } from './api';
import { useAccountErrorText } from './errors';
import './account.css';

/**
 * Asking for a link to set a new password. The answer is the same whether or not an account uses the address, so
 * that nobody learns from it who has an account here; the link, when there is one, opens /set-password.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('account');
  const errorText = useAccountErrorText();
  const retry = useRetryText();
  const form = useForm<{ email: string }>({ defaultValues: { email: '' } });
  const request = useMutation(requestPasswordReset());
  const problem = request.error instanceof ApiProblem ? request.error : null;
  const throttled = problem?.status === 429 ? problem : null;
  // A refused address is said next to its field.
  const inPlace = Boolean(problem && Object.keys(problem.fieldErrors).length > 0);
  const submit = ({ email }: { email: string }) =>
    request.mutate({ email: email.trim() }, { onError: (error) => applyFieldErrors(errorText, error, form.setError) });
  return (
    <Page title={t('forgot.title')} lead={request.isSuccess ? undefined : t('forgot.lead')}>
      {request.isSuccess ? (
        <div className="stack narrow">
          <Notice>
            <p>{t('forgot.sent', { email: isolate(request.variables.email) })}</p>
            <p className="forgot__spam">{t('forgot.spam')}</p>
          </Notice>
          <p>
            <Link to="/login">{t('forgot.back')}</Link>
          </p>
        </div>
      ) : (
        <form className="form narrow" noValidate onSubmit={form.handleSubmit(submit)}>
          {throttled ? (
            <p role="alert" className="alert alert--error">
              {t('forgot.tooMany')} {retry(throttled.retryAfter)}
            </p>
          ) : (
            <ProblemAlert error={inPlace ? null : request.error} />
          )}
          <Field label={t('fields.email')} error={form.formState.errors.email?.message} required>
            {(control) => <input {...control} type="email" dir="ltr" autoComplete="username" {...form.register('email', { required: errorText.required })} />}
          </Field>
          <Button type="submit" busy={request.isPending}>
            {t('forgot.submit')}
          </Button>
          <p>
            <Link to="/login">{t('forgot.back')}</Link>
          </p>
        </form>
      )}
    </Page>
  );
}
