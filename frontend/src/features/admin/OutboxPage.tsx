import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Badge, Page, type Tone } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment, Num } from '@/components/ui/Time';
import { isOneOf, DELIVERY_STATES } from '@/lib/api/enums';
import type { Schema } from '@/lib/api/types';
import { outboxQuery, retryOutboxEntry, type OutboxQuery } from './api';
import './admin.css';

type Entry = Schema<'OutboxEntryView'>;
type DeliveryState = Schema<'DeliveryState'>;
const PAGE = 50;

const tone: Record<DeliveryState, Tone> = { pending: 'info', sent: 'success', dead: 'danger' };

/** The outbox for admins: every e-mail the platform sends, newest first, by state; a failed one can be sent again. */
export function OutboxPage() {
  const { t } = useTranslation(['admin', 'enums']);
  const [params, setParams] = useSearchParams();
  const asked = params.get('state');
  const shown: DeliveryState | '' = isOneOf(DELIVERY_STATES, asked) ? asked : '';
  const { offset } = usePaging();
  const query: OutboxQuery = { limit: PAGE, offset, ...(shown ? { state: shown } : {}) };
  const entries = useQuery(outboxQuery(query));
  const [retried, setRetried] = useState<string | null>(null);
  const columns: Column<Entry>[] = [
    { key: 'kind', header: t('outbox.kind') },
    { key: 'recipient', header: t('outbox.recipient') },
    { key: 'state', header: t('outbox.state') },
    { key: 'attempts', header: t('outbox.attempts'), className: 'num' },
    { key: 'nextAttemptAt', header: t('outbox.nextAttemptAt') },
    { key: 'lastError', header: t('outbox.lastError') },
    { key: 'createdAt', header: t('outbox.createdAt') },
    { key: 'sentAt', header: t('outbox.sentAt') },
    { key: 'actions', header: t('outbox.actions') },
  ];
  return (
    <Page title={t('outbox.title')} lead={t('outbox.lead')}>
      <div className="stack">
        <form role="search" aria-label={t('outbox.filters')} className="card outbox-filters" onSubmit={(event) => event.preventDefault()}>
          <Field label={t('outbox.state')}>
            {(control) => (
              <select
                {...control}
                value={shown}
                onChange={(event) => {
                  setRetried(null);
                  setParams(event.target.value ? { state: event.target.value } : {}, { replace: true });
                }}
              >
                <option value="">{t('outbox.all')}</option>
                {DELIVERY_STATES.map((value) => (
                  <option key={value} value={value}>
                    {t(`enums:DeliveryState.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </form>
        {retried ? <Notice>{t('outbox.retried', { name: retried })}</Notice> : null}
        <QueryState query={entries}>
          {(page) => (
            <PagedTable
              label={t('outbox.tableLabel')}
              caption={t('outbox.caption')}
              className="outbox"
              columns={columns}
              page={page}
              rowKey={(entry) => entry.id}
              empty={t('outbox.none')}
              row={(entry) => <OutboxRow entry={entry} onRetried={() => setRetried(entry.recipient?.displayName ?? entry.id)} />}
            />
          )}
        </QueryState>
      </div>
    </Page>
  );
}

function OutboxRow({ entry, onRetried }: { entry: Entry; onRetried: () => void }) {
  const { t } = useTranslation(['admin', 'enums']);
  const retry = useMutation(retryOutboxEntry(entry.id));
  const name = entry.recipient?.displayName ?? t('outbox.unknownRecipient');
  // state-ok: display only; a message waits for its next attempt only while pending, and only a failed one may be
  // sent again (the server answers 409 otherwise).
  const pending = entry.state === 'pending';
  // state-ok: see above.
  const dead = entry.state === 'dead';
  return (
    <tr>
      <td>{t(`enums:NoticeKind.${entry.kind}`, { defaultValue: entry.kind })}</td>
      <th scope="row" className="outbox__recipient">
        <bdi>{name}</bdi>
        {entry.recipient ? (
          <div className="muted">
            <bdi dir="ltr">{entry.recipient.email}</bdi>
          </div>
        ) : null}
      </th>
      <td>
        <Badge tone={tone[entry.state]}>{t(`enums:DeliveryState.${entry.state}`)}</Badge>
      </td>
      <td className="num">
        <Num value={entry.attempts} />
      </td>
      <td>{pending ? <Moment value={entry.nextAttemptAt} style="dateTime" /> : t('outbox.never')}</td>
      <td>{entry.lastError ? <bdi dir="ltr" className="outbox__error">{entry.lastError}</bdi> : t('outbox.never')}</td>
      <td>
        <Moment value={entry.createdAt} style="dateTime" />
      </td>
      <td>{entry.sentAt ? <Moment value={entry.sentAt} style="dateTime" /> : t('outbox.never')}</td>
      <td>
        {dead ? (
          <Button variant="secondary" busy={retry.isPending} aria-label={t('outbox.retryFor', { name })} onClick={() => retry.mutate(undefined, { onSuccess: onRetried })}>
            {t('outbox.retry')}
          </Button>
        ) : null}
        <ProblemAlert error={retry.error} />
      </td>
    </tr>
  );
}
