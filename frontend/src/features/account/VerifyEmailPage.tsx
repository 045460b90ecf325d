import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { meQuery, refreshSessionUser, sendVerificationLink } from '@/lib/api/me';
import { useRetryText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import { useSession } from '@/lib/auth/useSession';
import { isolate } from '@/lib/i18n/text';
import { verifyEmail } from './api';
import { tokenOf } from './SetPasswordPage';
import './account.css';

/** Whether the server refused the link's token itself (used, replaced by a newer link, expired or wrong). */
export function tokenRefused(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 422;
}

/**
 * Where the mailed link confirms an account's e-mail address: the token comes in the fragment (`#token=…`, or
 * `?token=…`), leaves the address bar at once and is sent once. Works signed out; a signed-in account is read again,
 * so that the app stops asking for the confirmation.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation(['account', 'common']);
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const queryClient = useQueryClient();
  // Read once: the address loses the token right after.
  const [token] = useState(() => tokenOf(location));
  useEffect(() => {
    if (location.hash || location.search) void navigate({ pathname: location.pathname }, { replace: true });
  }, [location, navigate]);
  const verify = useMutation(verifyEmail());
  const { mutate } = verify;
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate(token, {
      onSuccess: () => {
        if (session) void refreshSessionUser(queryClient).catch(() => undefined);
      },
    });
  }, [token, mutate, session, queryClient]);

  const home = session ? '/my/ideas' : '/login';
  const done = (
    <div className="stack narrow">
      <Notice>
        <p>{t('verify.done')}</p>
        <p>{t('verify.doneLead')}</p>
      </Notice>
      <p>
        <Link className="button button--primary" to={home}>
          {t(session ? 'verify.toIdeas' : 'verify.toLogin')}
        </Link>
      </p>
    </div>
  );
  let body;
  if (!token) {
    body = (
      <p role="alert" className="alert alert--error">
        {t('verify.noToken')}
      </p>
    );
  } else if (verify.isSuccess) {
    body = done;
  } else if (verify.isError) {
    body = tokenRefused(verify.error) ? <Refused done={done} /> : (
      <div className="stack narrow">
        <ProblemAlert error={verify.error} />
        <div>
          <Button variant="secondary" onClick={() => mutate(token)}>
            {t('common:actions.retry')}
          </Button>
        </div>
      </div>
    );
  } else {
    body = (
      <p role="status" className="loading">
        {t('verify.checking')}
      </p>
    );
  }
  return <Page title={t('verify.title')}>{body}</Page>;
}

/** A link the server refused: a signed-in account may ask for a new one (unless its address is confirmed already). */
function Refused({ done }: { done: ReactNode }) {
  const { t } = useTranslation(['account', 'common']);
  const retry = useRetryText();
  const session = useSession();
  const me = useQuery({ ...meQuery(), enabled: Boolean(session) });
  const send = useMutation(sendVerificationLink());
  if (me.data?.emailVerified || send.data === 'verified') return done;
  const throttled = send.error instanceof ApiProblem && send.error.status === 429 ? send.error : null;
  return (
    <div className="stack narrow">
      <p role="alert" className="alert alert--error">
        {t('verify.invalid')}
      </p>
      {session ? (
        <>
          <p>{t('verify.askNew')}</p>
          <div>
            <Button variant="secondary" busy={send.isPending} onClick={() => send.mutate()}>
              {t('common:verifyEmail.resend')}
            </Button>
          </div>
          {send.data === 'sent' ? <Notice>{t('common:verifyEmail.sent', { email: isolate(session.user.email) })}</Notice> : null}
          {throttled ? (
            <p role="alert" className="alert alert--error">
              {t('common:verifyEmail.tooOften')} {retry(throttled.retryAfter)}
            </p>
          ) : (
            <ProblemAlert error={send.error} />
          )}
        </>
      ) : (
        <p>
          {t('verify.signInToAsk')} <Link to="/login?next=%2Fmy%2Fideas">{t('verify.toLogin')}</Link>
        </p>
      )}
    </div>
  );
}
