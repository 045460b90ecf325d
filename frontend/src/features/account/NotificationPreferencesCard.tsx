import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import type { Schema } from '@/lib/api/types';
import { notificationPreferencesQuery, saveNotificationPreferences } from './api';

type Preferences = Schema<'NotificationPreferences'>;
type Kind = Schema<'NoticeKind'>;

/** The card's anchor: mails and the notifications page link to /profile#notifications. */
export const PREFERENCES_ANCHOR = 'notifications';

/**
 * Which notices also come by e-mail, one checkbox per kind. Account and security messages always go: their boxes
 * are checked and cannot change. Saving sends the complete set of kinds turned off.
 */
export function NotificationPreferencesCard() {
  const { t } = useTranslation('account');
  const location = useLocation();
  const preferences = useQuery(notificationPreferencesQuery());
  const card = useRef<HTMLElement>(null);
  const titleId = useId();
  const loaded = preferences.isSuccess;
  // The browser looked for the anchor before the card was drawn: go there once it is.
  useEffect(() => {
    if (loaded && location.hash === `#${PREFERENCES_ANCHOR}`) card.current?.scrollIntoView?.({ block: 'start' });
  }, [loaded, location.hash]);
  return (
    <section ref={card} id={PREFERENCES_ANCHOR} className="card preferences" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('notifications.title')}
      </h2>
      <p className="muted">{t('notifications.lead')}</p>
      <QueryState query={preferences}>{(data) => <PreferencesForm preferences={data} />}</QueryState>
    </section>
  );
}

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const { t } = useTranslation(['account', 'enums']);
  const hintId = useId();
  // The kinds one may choose first, those that always go after them.
  const kinds = [...preferences.kinds.filter((kind) => !kind.essential), ...preferences.kinds.filter((kind) => kind.essential)];
  const [email, setEmail] = useState<Partial<Record<Kind, boolean>>>(() => Object.fromEntries(preferences.kinds.map((kind) => [kind.kind, kind.email])));
  const [saved, setSaved] = useState(false);
  const save = useMutation(saveNotificationPreferences());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const emailOff = preferences.kinds.filter((kind) => !kind.essential && !email[kind.kind]).map((kind) => kind.kind);
    save.mutate({ emailOff }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form className="form" noValidate aria-label={t('notifications.title')} onSubmit={submit}>
      <fieldset className="preferences__kinds" aria-describedby={hintId}>
        <legend>{t('notifications.legend')}</legend>
        <ul className="preferences__list">
          {kinds.map((kind) => (
            <li key={kind.kind}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={kind.essential || Boolean(email[kind.kind])}
                  disabled={kind.essential}
                  onChange={(event) => {
                    const checked = event.target.checked;
                    setSaved(false);
                    setEmail((current) => ({ ...current, [kind.kind]: checked }));
                  }}
                />
                <span>
                  {t(`enums:NoticeKind.${kind.kind}`)}
                  {kind.essential ? <span className="muted"> ({t('notifications.always')})</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <p id={hintId} className="field__hint">
          {t('notifications.essential')}
        </p>
      </fieldset>
      <ProblemAlert error={save.error} />
      <div className="row">
        <Button type="submit" busy={save.isPending}>
          {t('notifications.save')}
        </Button>
      </div>
      {saved ? <Notice>{t('notifications.saved')}</Notice> : null}
    </form>
  );
}
