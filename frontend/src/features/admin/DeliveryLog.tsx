import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Badge, type Tone } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment, Num } from '@/components/ui/Time';
import { isOneOf, WEBHOOK_DELIVERY_STATES, WEBHOOK_EVENT_TYPES } from '@/lib/api/enums';
import type { Schema } from '@/lib/api/types';
import { deliveriesQuery, redeliver, type DeliveriesQuery } from './api';
import { EVENT_KEY } from './webhookWords';

type Delivery = Schema<'WebhookDeliveryView'>;
type DeliveryState = Schema<'WebhookDeliveryState'>;
const PAGE = 25;
/** While a delivery waits, the log is read again this often (ms), so that an admin sees it go out. */
export const POLL = 3_000;
/** Every event type a delivery may carry, the test message last. */
const EVENT_TYPES: Schema<'WebhookEventType'>[] = [...WEBHOOK_EVENT_TYPES, 'webhook.ping'];

export const deliveryTone: Record<DeliveryState, Tone> = { pending: 'info', delivered: 'success', failed: 'danger' };

/** Whether any delivery of a page still waits: the log then reads itself again. */
export function anyPending(items: readonly Delivery[] | undefined): boolean {
  // state-ok: display only (how often to read the list again), not a rule of what may be done.
  return Boolean(items?.some((delivery) => delivery.state === 'pending'));
}

/** An endpoint's deliveries, newest first, by state and event; each one's details, and a delivered or failed one sent again. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const state = params.get('state');
  const event = params.get('event');
  const shownState: DeliveryState | '' = isOneOf(WEBHOOK_DELIVERY_STATES, state) ? state : '';
  const shownEvent = isOneOf(EVENT_TYPES, event) ? event : '';
  const { offset } = usePaging();
  const query: DeliveriesQuery = { limit: PAGE, offset, ...(shownState ? { state: shownState } : {}), ...(shownEvent ? { eventType: shownEvent } : {}) };
  const deliveries = useQuery({ ...deliveriesQuery(endpointId, query), refetchInterval: (current) => (anyPending(current.state.data?.items) ? POLL : false) });
  const [redelivered, setRedelivered] = useState<string | null>(null);
  const filter = (key: 'state' | 'event', value: string) => {
    setRedelivered(null);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('offset');
        return next;
      },
      { replace: true },
    );
  };
  const columns: Column<Delivery>[] = [
    { key: 'createdAt', header: t('deliveries.createdAt') },
    { key: 'eventType', header: t('deliveries.eventType') },
    { key: 'state', header: t('deliveries.state') },
    { key: 'attempts', header: t('deliveries.attempts'), className: 'num' },
    { key: 'lastStatus', header: t('deliveries.lastStatus'), className: 'num' },
    { key: 'lastError', header: t('deliveries.lastError') },
    { key: 'next', header: t('deliveries.next') },
    { key: 'actions', header: t('deliveries.actions') },
  ];
  return (
    <section className="stack" aria-labelledby="delivery-log-title">
      <h2 id="delivery-log-title">{t('deliveries.title')}</h2>
      <p className="muted">{t('deliveries.lead')}</p>
      <form role="search" aria-label={t('deliveries.filters')} className="card outbox-filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('deliveries.state')}>
          {(control) => (
            <select {...control} value={shownState} onChange={(e) => filter('state', e.target.value)}>
              <option value="">{t('deliveries.all')}</option>
              {WEBHOOK_DELIVERY_STATES.map((value) => (
                <option key={value} value={value}>
                  {t(`deliveryStates.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('deliveries.eventType')}>
          {(control) => (
            <select {...control} value={shownEvent} onChange={(e) => filter('event', e.target.value)}>
              <option value="">{t('deliveries.all')}</option>
              {EVENT_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`webhookEvents.${EVENT_KEY[value]}.label`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button variant="secondary" busy={deliveries.isFetching} onClick={() => void deliveries.refetch()}>
          {t('deliveries.refresh')}
        </Button>
      </form>
      {redelivered ? <Notice>{t('deliveries.redelivered', { id: redelivered })}</Notice> : null}
      <QueryState query={deliveries}>
        {(page) => (
          <PagedTable
            label={t('deliveries.tableLabel')}
            caption={t('deliveries.caption')}
            className="deliveries"
            columns={columns}
            page={page}
            rowKey={(delivery) => delivery.id}
            empty={t('deliveries.none')}
            row={(delivery) => <DeliveryRow endpointId={endpointId} delivery={delivery} onRedelivered={() => setRedelivered(delivery.id)} />}
          />
        )}
      </QueryState>
    </section>
  );
}

function DeliveryRow({ endpointId, delivery, onRedelivered }: { endpointId: string; delivery: Delivery; onRedelivered: () => void }) {
  const { t } = useTranslation('admin');
  const again = useMutation(redeliver(endpointId, delivery.id));
  // state-ok: display only; a pending message is on its way already (the server answers 409 to sending it again).
  const pending = delivery.state === 'pending';
  return (
    <tr>
      <th scope="row" className="delivery__when">
        <Link to={`/admin/webhooks/${endpointId}/deliveries/${encodeURIComponent(delivery.id)}`}>
          <Moment value={delivery.createdAt} style="dateTime" />
        </Link>
      </th>
      <td>{t(`webhookEvents.${EVENT_KEY[delivery.eventType]}.label`)}</td>
      <td>
        <Badge tone={deliveryTone[delivery.state]}>{t(`deliveryStates.${delivery.state}`)}</Badge>
      </td>
      <td className="num">
        <Num value={delivery.attempts} />
      </td>
      <td className="num">{typeof delivery.lastStatus === 'number' ? <Num value={delivery.lastStatus} /> : t('deliveries.never')}</td>
      <td>{delivery.lastError ? <bdi dir="ltr" className="outbox__error">{delivery.lastError}</bdi> : t('deliveries.never')}</td>
      <td>
        {pending ? (
          <Moment value={delivery.nextAttemptAt} style="dateTime" />
        ) : delivery.deliveredAt ? (
          <Moment value={delivery.deliveredAt} style="dateTime" />
        ) : (
          t('deliveries.never')
        )}
      </td>
      <td className="delivery__actions">
        <div className="row">
          <Link
            className="button button--quiet"
            to={`/admin/webhooks/${endpointId}/deliveries/${encodeURIComponent(delivery.id)}`}
            aria-label={t('deliveries.detailsFor', { id: delivery.id })}
          >
            {t('deliveries.details')}
          </Link>
          {pending ? null : (
            <Button variant="secondary" busy={again.isPending} aria-label={t('deliveries.redeliverFor', { id: delivery.id })} onClick={() => again.mutate(undefined, { onSuccess: onRedelivered })}>
              {t('deliveries.redeliver')}
            </Button>
          )}
        </div>
        <ProblemAlert error={again.error} />
      </td>
    </tr>
  );
}
