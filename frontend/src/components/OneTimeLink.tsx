import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '@/lib/api/types';
import { Button } from './ui/Button';
import { useCopy } from './useCopy';
import { Moment } from './ui/Time';

/**
 * The page an enrolled account sets their password on, with the one-time token in the fragment: a browser never
 * sends a fragment to a server, so the token reaches no access log, proxy or Referer.
 */
export function setPasswordLink(token: string): string {
  return `${window.location.origin}/set-password#token=${encodeURIComponent(token)}`;
}

/**
 * A one-time set-password link (a reviewer staff enrolled, an account an admin reset), shown once: it is never stored,
 * and closing it hides it for good. Focus moves to it so that a keyboard or screen-reader user finds it at once. When
 * the server mailed the link to the account's own address it answers without it (nobody else ever sees it): then
 * this says so instead.
 */
export function OneTimeLink({ token, name, onDone }: { token: Schema<'PasswordTokenView'>; name: string; onDone: () => void }) {
  return token.token ? <ShownLink secret={token.token} expiresAt={token.expiresAt} name={name} onDone={onDone} /> : <MailedLink expiresAt={token.expiresAt} name={name} onDone={onDone} />;
}

function MailedLink({ expiresAt, name, onDone }: { expiresAt: string; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  return (
    <section ref={region} tabIndex={-1} className="card one-time" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('oneTime.title')}
      </h2>
      <p role="status" className="alert alert--success">
        {t('oneTime.mailed', { name })}
      </p>
      <p className="muted">
        {t('oneTime.expires')}: <Moment value={expiresAt} style="dateTime" />
      </p>
      <div className="row">
        <Button variant="secondary" onClick={onDone}>
          {t('actions.close')}
        </Button>
      </div>
    </section>
  );
}

function ShownLink({ secret, expiresAt, name, onDone }: { secret: string; expiresAt: string; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const link = setPasswordLink(secret);
  const headingId = useId();
  const inputId = useId();
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  const { copied, copy } = useCopy(link);
  return (
    <section ref={region} tabIndex={-1} className="card one-time" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('oneTime.title')}
      </h2>
      <p className="alert alert--info">
        {t('oneTime.lead')}
      </p>
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          {t('oneTime.linkLabel', { name })}
        </label>
        <input id={inputId} readOnly dir="ltr" value={link} onFocus={(event) => event.currentTarget.select()} className="one-time__link" />
      </div>
      <p className="muted">
        {t('oneTime.expires')}: <Moment value={expiresAt} style="dateTime" />
      </p>
      <div className="row">
        <Button onClick={() => void copy()}>{t('oneTime.copy')}</Button>
        <Button variant="secondary" onClick={onDone}>
          {t('oneTime.done')}
        </Button>
      </div>
      {copied === 'yes' ? (
        <p role="status" className="alert alert--success">
          {t('oneTime.copied')}
        </p>
      ) : copied === 'failed' ? (
        <p role="status" className="alert alert--error">
          {t('oneTime.copyFailed')}
        </p>
      ) : null}
    </section>
  );
}
