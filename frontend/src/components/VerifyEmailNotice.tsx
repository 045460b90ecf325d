import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sendVerificationLink } from '@/lib/api/me';
import { useRetryText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import { useSession } from '@/lib/auth/useSession';
import { isolate } from '@/lib/i18n/text';
import { Button } from './ui/Button';
import { ProblemAlert } from './ui/ProblemAlert';

/** Whether a refusal is the server's "confirm your address first" (403 `email_unverified`). */
export function isEmailUnverified(error: unknown): boolean {
  return error instanceof ApiProblem && error.code === 'email_unverified';
}

/**
 * The signed-in account has not confirmed its e-mail address yet: what that means (drafts may be written, ideas not
 * submitted) and a way to have the link mailed again. `banner` is the calm note under the header; `refused` is said
 * where a submission was just refused for it.
 */
export function VerifyEmailNotice({ reason = 'banner' }: { reason?: 'banner' | 'refused' }) {
  const { t } = useTranslation();
  const retry = useRetryText();
  const session = useSession();
  const send = useMutation(sendVerificationLink());
  const email = isolate(session?.user.email ?? '');
  const throttled = send.error instanceof ApiProblem && send.error.status === 429 ? send.error : null;
  return (
    <div className={`alert verify-email ${reason === 'banner' ? 'alert--info' : 'alert--error'}`} role={reason === 'refused' ? 'alert' : undefined}>
      <p>{t(reason === 'banner' ? 'verifyEmail.banner' : 'verifyEmail.submitRefused', { email })}</p>
      <div className="row">
        <Button variant="secondary" busy={send.isPending} onClick={() => send.mutate()}>
          {t('verifyEmail.resend')}
        </Button>
      </div>
      {send.data === 'sent' ? (
        <p role="status" className="verify-email__said">
          {t('verifyEmail.sent', { email })}
        </p>
      ) : null}
      {throttled ? (
        <p role="alert" className="verify-email__said">
          {t('verifyEmail.tooOften')} {retry(throttled.retryAfter)}
        </p>
      ) : (
        <ProblemAlert error={send.error} />
      )}
    </div>
  );
}
