import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import type { Schema } from '@/lib/api/types';
import type { Session } from '@/lib/auth/session';
import { answerChallenge, signIn, type Challenge } from './session';
import { normaliseCode, normaliseRecoveryCode, TOTP_CODE } from './codes';
import './account.css';

/** Only paths of this app: `next` must not send anyone to another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Where a new session goes: on to `next`, or to the enrolment page when it may do nothing else yet. */
export function landing(session: Session, next: string): string {
  return session.enrolOnly ? `/second-factor?next=${encodeURIComponent(next)}` : next;
}

/** Signing in: e-mail and password, then, for an account with a second factor, its code. */
export function LoginPage() {
  const { t } = useTranslation(['account', 'common']);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const passwordSet = (location.state as { notice?: string } | null)?.notice === 'passwordSet';
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [expired, setExpired] = useState(false);
  const next = safeNext(params.get('next'));
  const done = (session: Session) => void navigate(landing(session, next), { replace: true });
  return (
    <Page title={t('login.title')}>
      {challenge ? (
        <CodeStep
          challenge={challenge}
          onDone={done}
          onExpired={() => {
            setChallenge(null);
            setExpired(true);
          }}
          onCancel={() => setChallenge(null)}
        />
      ) : (
        <PasswordStep
          notice={expired ? { text: t('login.challengeExpired'), tone: 'info' } : passwordSet ? { text: t('login.passwordSet'), tone: 'success' } : null}
          onSignedIn={done}
          onChallenge={(found) => {
            setExpired(false);
            setChallenge(found);
          }}
        />
      )}
    </Page>
  );
}

type Said = { text: string; tone: 'info' | 'success' };

function PasswordStep({ notice, onSignedIn, onChallenge }: { notice: Said | null; onSignedIn: (session: Session) => void; onChallenge: (challenge: Challenge) => void }) {
  const { t } = useTranslation(['account', 'common']);
  const errorText = useErrorText();
  const form = useForm<Schema<'LoginRequest'>>({ defaultValues: { email: '', password: '' } });
  const login = useMutation({
    mutationFn: signIn,
    onSuccess: (answer) => ('session' in answer ? onSignedIn(answer.session) : onChallenge(answer.challenge)),
    onError: (error) => applyFieldErrors(errorText, error, form.setError),
  });
  const { errors } = form.formState;
  return (
    <form className="form narrow" noValidate onSubmit={form.handleSubmit((values) => login.mutate(values))}>
      {notice && !login.error ? (
        notice.tone === 'success' ? (
          <Notice>{notice.text}</Notice>
        ) : (
          <p role="status" className="alert alert--info">
            {notice.text}
          </p>
        )
      ) : null}
      <ProblemAlert error={login.error} />
      <Field label={t('fields.email')} error={errors.email?.message} required>
        {(control) => <input {...control} type="email" dir="ltr" autoComplete="username" {...form.register('email', { required: errorText.required })} />}
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
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/register">{t('common:nav.register')}</Link>
      </p>
    </form>
  );
}

type CodeStepProps = { challenge: Challenge; onDone: (session: Session) => void; onExpired: () => void; onCancel: () => void };

/** The second step: the authenticator's six digits, or one of the recovery codes. */
function CodeStep({ challenge, onDone, onExpired, onCancel }: CodeStepProps) {
  const { t } = useTranslation(['account', 'common']);
  const errorText = useErrorText();
  const [recovery, setRecovery] = useState(false);
  const form = useForm<{ code: string }>({ defaultValues: { code: '' } });
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => input.current?.focus(), [recovery]);
  const answer = useMutation({
    mutationFn: (code: string) => answerChallenge(challenge.challenge, code),
    onSuccess: onDone,
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      if (error.code === 'invalid_challenge') onExpired();
      else if (error.code === 'invalid_code') {
        form.setError('code', { type: 'invalid_code', message: t(recovery ? 'secondStep.wrongRecoveryCode' : 'secondStep.wrongCode') });
        form.setValue('code', '');
        input.current?.focus();
      }
    },
  });
  // An event handler (the clock is read when the form is sent, not while the page renders).
  const submit = (event: FormEvent) =>
    form.handleSubmit(({ code }) => {
      // The challenge ran out while the page waited: the server would say so too.
      if (Date.now() > challenge.expiresAt) onExpired();
      else answer.mutate(recovery ? normaliseRecoveryCode(code) : normaliseCode(code));
    })(event);
  const { ref, ...registered } = form.register('code', {
    required: errorText.required,
    validate: (value) => recovery || TOTP_CODE.test(normaliseCode(value)) || t('secondStep.sixDigits'),
  });
  const shownError = answer.error instanceof ApiProblem && answer.error.code !== 'invalid_code' ? answer.error : null;
  return (
    <form className="form narrow" noValidate aria-labelledby="second-step-title" onSubmit={(event) => void submit(event)}>
      <h2 id="second-step-title" className="card__title">
        {t('secondStep.title')}
      </h2>
      <p>{t(recovery ? 'secondStep.recoveryLead' : 'secondStep.lead')}</p>
      <ProblemAlert error={shownError} />
      <Field
        key={recovery ? 'recovery' : 'totp'}
        label={t(recovery ? 'secondStep.recoveryCode' : 'secondStep.code')}
        hint={recovery ? t('secondStep.recoveryHint') : undefined}
        error={form.formState.errors.code?.message}
        required
      >
        {(control) => (
          <input
            {...control}
            {...registered}
            ref={(element) => {
              ref(element);
              input.current = element;
            }}
            dir="ltr"
            autoComplete={recovery ? 'off' : 'one-time-code'}
            inputMode={recovery ? 'text' : 'numeric'}
            spellCheck={false}
            autoCapitalize="off"
            className={recovery ? 'code-input code-input--recovery' : 'code-input'}
          />
        )}
      </Field>
      <div className="row">
        <Button type="submit" busy={answer.isPending}>
          {t('secondStep.submit')}
        </Button>
        <Button
          variant="quiet"
          onClick={() => {
            setRecovery(!recovery);
            form.reset({ code: '' });
            answer.reset();
          }}
        >
          {t(recovery ? 'secondStep.useApp' : 'secondStep.useRecovery')}
        </Button>
      </div>
      <p>
        <Button variant="quiet" onClick={onCancel}>
          {t('secondStep.back')}
        </Button>
      </p>
    </form>
  );
}
