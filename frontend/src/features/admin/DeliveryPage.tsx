import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Badge, Card, Page, TableScroll } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment, Num } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import { deliveryQuery, redeliver } from './api';
import { anyPending, deliveryTone, POLL } from './DeliveryLog';
import { EVENT_KEY } from './webhookWords';
import './admin.css';

type Detail = Schema<'WebhookDeliveryDetail'>;

/** A payload as it was sent, indented for reading. */
export function prettyJson(payload: unknown): string {
  return JSON.stringify(payload, null, 2);
}

/** One delivery for admins: what it carried, every attempt and its answer, and sending it again. */
export function DeliveryPage() {
  const { t } = useTranslation('admin');
  const { id = '', deliveryId = '' } = useParams();
  const delivery = useQuery({ ...deliveryQuery(id, deliveryId), refetchInterval: (current) => (anyPending(current.state.data ? [current.state.data] : []) ? POLL : false) });
  return (
    <Page
      title={t('delivery.title')}
      actions={
        <Link className="button button--quiet" to={`/admin/webhooks/${id}`}>
          {t('delivery.back')}
        </Link>
      }
    >
      <QueryState query={delivery}>{(found) => <DeliveryDetail endpointId={id} delivery={found} />}</QueryState>
    </Page>
  );
}

function DeliveryDetail({ endpointId, delivery }: { endpointId: string; delivery: Detail }) {
  const { t } = useTranslation('admin');
  const { locale } = useLocale();
  const again = useMutation(redeliver(endpointId, delivery.id));
  // state-ok: display only; a pending message is on its way already (the server answers 409 to sending it again).
  const pending = delivery.state === 'pending';
  return (
    <div className="stack">
      <Card>
        <dl className="admin-facts delivery__facts">
          <div className="delivery__id">
            <dt>{t('delivery.id')}</dt>
            <dd>
              <code dir="ltr">{delivery.id}</code>
            </dd>
          </div>
          <div>
            <dt>{t('delivery.eventType')}</dt>
            <dd>
              {t(`webhookEvents.${EVENT_KEY[delivery.eventType]}.label`)} <code dir="ltr">{delivery.eventType}</code>
            </dd>
          </div>
          <div>
            <dt>{t('delivery.state')}</dt>
            <dd>
              <Badge tone={deliveryTone[delivery.state]}>{t(`deliveryStates.${delivery.state}`)}</Badge>
            </dd>
          </div>
          <div>
            <dt>{t('delivery.attempts')}</dt>
            <dd>
              <Num value={delivery.attempts} />
            </dd>
          </div>
          <div>
            <dt>{t('delivery.lastStatus')}</dt>
            <dd>{typeof delivery.lastStatus === 'number' ? <Num value={delivery.lastStatus} /> : t('delivery.empty')}</dd>
          </div>
          <div>
            <dt>{t('delivery.createdAt')}</dt>
            <dd>
              <Moment value={delivery.createdAt} style="dateTime" />
            </dd>
          </div>
          {pending ? (
            <div>
              <dt>{t('delivery.nextAttemptAt')}</dt>
              <dd>
                <Moment value={delivery.nextAttemptAt} style="dateTime" />
              </dd>
            </div>
          ) : null}
          {delivery.deliveredAt ? (
            <div>
              <dt>{t('delivery.deliveredAt')}</dt>
              <dd>
                <Moment value={delivery.deliveredAt} style="dateTime" />
              </dd>
            </div>
          ) : null}
        </dl>
        {pending ? null : (
          <div className="row">
            <Button variant="secondary" busy={again.isPending} onClick={() => again.mutate()}>
              {t('deliveries.redeliver')}
            </Button>
          </div>
        )}
        <ProblemAlert error={again.error} />
        {again.isSuccess ? <Notice>{t('deliveries.redelivered', { id: delivery.id })}</Notice> : null}
      </Card>
      <Card title={t('delivery.payload')}>
        <pre className="code-block" dir="ltr" tabIndex={0} aria-label={t('delivery.payload')}>
          {prettyJson(delivery.payload)}
        </pre>
      </Card>
      <section className="stack" aria-labelledby="attempt-log-title">
        <h2 id="attempt-log-title">{t('delivery.attemptLog')}</h2>
        {delivery.attemptLog.length === 0 ? (
          <p role="status" className="muted">
            {t('delivery.noAttempts')}
          </p>
        ) : (
          <TableScroll label={t('delivery.attemptLogLabel')}>
            <table className="table attempts">
              <caption className="visually-hidden">{t('delivery.attemptLogLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('delivery.attemptedAt')}</th>
                  <th scope="col" className="num">
                    {t('delivery.status')}
                  </th>
                  <th scope="col" className="num">
                    {t('delivery.duration')}
                  </th>
                  <th scope="col">{t('delivery.error')}</th>
                  <th scope="col">{t('delivery.responseBody')}</th>
                </tr>
              </thead>
              <tbody>
                {delivery.attemptLog.map((attempt, index) => (
                  <tr key={`${attempt.attemptedAt}-${index}`}>
                    <th scope="row" className="delivery__when">
                      <Moment value={attempt.attemptedAt} style="dateTime" />
                    </th>
                    <td className="num">{typeof attempt.status === 'number' ? <Num value={attempt.status} /> : t('delivery.empty')}</td>
                    <td className="num">{t('delivery.milliseconds', { n: formatNumber(attempt.durationMs, locale) })}</td>
                    <td>{attempt.error ? <bdi dir="ltr" className="outbox__error">{attempt.error}</bdi> : t('delivery.empty')}</td>
                    <td>
                      {attempt.responseBody ? (
                        <pre className="code-block code-block--small" dir="ltr">
                          {attempt.responseBody}
                        </pre>
                      ) : (
                        t('delivery.empty')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
