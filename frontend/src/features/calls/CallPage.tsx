import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Badge, Card, Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment, Num } from '@/components/ui/Time';
import { callQuery } from '@/lib/api/calls';
import { IDEA_STATES } from '@/lib/api/enums';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { formatMoment } from '@/lib/format/dates';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { callEventsQuery, closeCall } from './api';
import { CallForm } from './CallForm';
import { phaseTone } from './phase';
import './calls.css';

type CallView = Schema<'CallView'>;

/** A call's overview for staff: its figures, the edit form, closing early and its history. */
export function CallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['calls', 'enums', 'common']);
  const { locale } = useLocale();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created ?? false;
  const [notice, setNotice] = useState<string | null>(created ? t('form.created') : null);
  const call = useQuery(callQuery(id));
  const title = call.data ? pick(call.data.title, locale) : t('form.editTitle');

  return (
    <Page title={title}>
      <CallTabs callId={id} />
      <QueryState query={call}>
        {(data) => (
          <div className="stack">
            <CallFigures call={data} />
            {notice ? <Notice>{notice}</Notice> : null}
            {data.allowedActions?.includes('edit') ? (
              <Card title={t('form.editTitle')}>
                <CallForm
                  key={data.version}
                  call={data}
                  onSaved={() => setNotice(t('form.saved'))}
                  onReload={() => {
                    setNotice(null);
                    void call.refetch();
                  }}
                />
              </Card>
            ) : null}
            {data.allowedActions?.includes('close') ? <CloseCall call={data} onClosed={() => setNotice(t('close.done'))} /> : null}
            <CallHistory callId={data.id} />
          </div>
        )}
      </QueryState>
    </Page>
  );
}

/** The call's phase and how many ideas it holds, by state (the call's view carries the counts). */
function CallFigures({ call }: { call: CallView }) {
  const { t } = useTranslation(['calls', 'enums']);
  const counts = call.counts;
  const byState = counts ? IDEA_STATES.flatMap((state) => (counts.byState[state] ? [[state, counts.byState[state]] as const] : [])) : [];
  const awaiting = counts?.byState.submitted ?? 0;
  return (
    <div className="stack">
      <dl className="figures">
        <div>
          <dt>{t('overview.phase')}</dt>
          <dd>
            <Badge tone={phaseTone[call.phase]}>{t(`enums:CallPhase.${call.phase}`)}</Badge>
          </dd>
        </div>
        {counts ? (
          <>
            <div>
              <dt>{t('overview.submitted')}</dt>
              <dd>
                <Num value={counts.submitted} />
              </dd>
            </div>
            <div>
              <dt>{t('overview.awaiting')}</dt>
              <dd>
                <Num value={awaiting} />
              </dd>
            </div>
            <div>
              <dt>{t('overview.screened')}</dt>
              <dd>
                <Num value={Math.max(0, counts.submitted - awaiting)} />
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      {byState.length ? (
        <section aria-labelledby="call-by-state">
          <h2 id="call-by-state">{t('overview.byState')}</h2>
          <dl className="figures">
            {byState.map(([state, n]) => (
              <div key={state}>
                <dt>{t(`enums:IdeaState.${state}`)}</dt>
                <dd>
                  <Num value={n} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}

/** Closing an open call now, with a reason, behind a confirmation. */
function CloseCall({ call, onClosed }: { call: CallView; onClosed: () => void }) {
  const { t } = useTranslation(['calls', 'common']);
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<{ note: string }>({ defaultValues: { note: '' } });
  const close = useMutation(closeCall(call.id));
  return (
    <Card title={t('close.title')}>
      <p>{t('close.lead')}</p>
      {confirming ? (
        <form className="form" noValidate onSubmit={form.handleSubmit(({ note }) =>
            close.mutate(note.trim(), { onSuccess: onClosed, onError: (error) => applyFieldErrors(errorText, error, form.setError) }),
          )}>
          <ProblemAlert error={close.error} />
          <Field label={t('close.reason')} hint={t('close.reasonHint')} error={form.formState.errors.note?.message} required>
            {(props) => (
              <textarea
                {...props}
                rows={3}
                {...form.register('note', { validate: (v) => v.trim().length > 0 || errorText.required })}
              />
            )}
          </Field>
          <p role="status">
            <strong>{t('close.confirmQuestion')}</strong>
          </p>
          <div className="row">
            <Button type="submit" variant="danger" busy={close.isPending}>
              {t('close.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common:actions.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {t('close.start')}
        </Button>
      )}
    </Card>
  );
}

const MOMENT = /\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})/g;

/** An event's from/to text (a state, a moment, or a window's four moments) in the reader's words. */
function useChangeText(): (text: string) => string {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  return (text) => {
    const found = text.match(MOMENT) ?? [];
    const [opens, closes, reviewOpens, reviewCloses] = found.map((m) => formatMoment(m, locale, 'long'));
    if (found.length === 4) return t('history.window', { opens, closes, reviewOpens, reviewCloses });
    if (found.length === 1 && found[0]) return formatMoment(found[0], locale, 'dateTime');
    return text;
  };
}

function CallHistory({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls', 'enums']);
  const change = useChangeText();
  const events = useQuery(callEventsQuery(callId));
  return (
    <Card title={t('history.title')}>
      <QueryState query={events}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('history.empty')}</p>
          ) : (
            <ol className="timeline">
              {[...list.items].reverse().map((event) => (
                <li key={event.id}>
                  <strong>{t(`enums:EventKind.${event.kind}`)}</strong> · <Moment value={event.at} style="dateTime" />{' '}
                  <span className="muted">{t('history.by', { name: event.actor?.displayName ?? t('history.system') })}</span>
                  {event.from && event.to ? (
                    <p className="muted call-history__change">
                      {t('history.changed', { from: change(event.from), to: change(event.to) })}
                    </p>
                  ) : null}
                  {event.note ? <p>{event.note}</p> : null}
                  {event.reason ? <p>{event.reason}</p> : null}
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </Card>
  );
}
