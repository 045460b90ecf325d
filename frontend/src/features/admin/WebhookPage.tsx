import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Badge, Card, Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { formatMoment } from '@/lib/format/dates';
import { useLocale } from '@/lib/i18n/useLocale';
import { deleteWebhook, pingWebhook, rotateWebhookSecret, updateWebhook, webhookQuery, type UpdateWebhookBody } from './api';
import { DeliveryLog } from './DeliveryLog';
import { EndpointForm, endpointValues, type EndpointValues } from './EndpointForm';
import { SecretOnce } from './SecretOnce';
import { EndpointHealth, EventBadges } from './EndpointParts';
import './admin.css';

type Endpoint = Schema<'WebhookEndpointView'>;

/** The PATCH body of the edit form: every field it shows, the description emptied when it was cleared. */
export function updateBody(values: EndpointValues): UpdateWebhookBody {
  return { url: values.url, description: values.description, eventTypes: values.eventTypes, scope: values.scope };
}

/** One webhook endpoint for admins: its facts and health, what may be done to it, and its delivery log. */
export function WebhookPage() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const endpoint = useQuery(webhookQuery(id));
  return (
    <Page
      title={t('endpoint.title')}
      actions={
        <Link className="button button--quiet" to="/admin/webhooks">
          {t('endpoint.back')}
        </Link>
      }
    >
      <QueryState query={endpoint}>{(found) => <EndpointDetail endpoint={found} />}</QueryState>
    </Page>
  );
}

type Asking = 'rotate' | 'delete' | null;
type Said = 'saved' | 'switchedOff' | 'switchedOn' | 'pinged' | null;

function EndpointDetail({ endpoint }: { endpoint: Endpoint }) {
  const { t } = useTranslation(['admin', 'common']);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [said, setSaid] = useState<Said>(null);
  const [secret, setSecret] = useState<Schema<'WebhookEndpointCreated'> | null>(null);
  const update = useMutation(updateWebhook(endpoint.id));
  const toggle = useMutation(updateWebhook(endpoint.id));
  const ping = useMutation(pingWebhook(endpoint.id));
  const rotate = useMutation(rotateWebhookSecret(endpoint.id));
  const remove = useMutation(deleteWebhook(endpoint.id));
  const start = () => {
    setSaid(null);
    toggle.reset();
    ping.reset();
  };
  const previousUntil = endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date() ? endpoint.previousSecretExpiresAt : null;
  return (
    <div className="stack">
      <Card className="endpoint">
        <p className="endpoint__url">
          <bdi dir="ltr">{endpoint.url}</bdi>
        </p>
        <p className={endpoint.description ? undefined : 'muted'}>
          <bdi dir="auto">{endpoint.description || t('endpoint.noDescription')}</bdi>
        </p>
        <dl className="admin-facts endpoint__facts">
          <div>
            <dt>{t('webhooks.status')}</dt>
            <dd>
              <EndpointHealth endpoint={endpoint} />
            </dd>
          </div>
          <div>
            <dt>{t('webhooks.scopeColumn')}</dt>
            <dd>
              <Badge tone={endpoint.scope === 'staff' ? 'warning' : 'neutral'}>{t(`webhookScopes.${endpoint.scope}.label`)}</Badge>
            </dd>
          </div>
          <div className="endpoint__events">
            <dt>{t('webhooks.eventTypes')}</dt>
            <dd>
              <EventBadges types={endpoint.eventTypes} />
            </dd>
          </div>
          <div>
            <dt>{t('endpoint.createdAt')}</dt>
            <dd>
              <Moment value={endpoint.createdAt} style="dateTime" />
            </dd>
          </div>
          <div>
            <dt>{t('endpoint.updatedAt')}</dt>
            <dd>
              <Moment value={endpoint.updatedAt} style="dateTime" />
            </dd>
          </div>
          {previousUntil ? (
            <div>
              <dt>{t('endpoint.previousSecretUntil')}</dt>
              <dd>
                <Moment value={previousUntil} style="dateTime" />
              </dd>
            </div>
          ) : null}
        </dl>
        {endpoint.enabled ? null : <p className="alert alert--info">{t('endpoint.offNote')}</p>}
        <div className="row endpoint__actions">
          <Button
            busy={ping.isPending}
            onClick={() => {
              start();
              ping.mutate(undefined, { onSuccess: () => setSaid('pinged') });
            }}
          >
            {t('endpoint.ping')}
          </Button>
          <Button
            variant={endpoint.enabled ? 'danger' : 'secondary'}
            busy={toggle.isPending}
            onClick={() => {
              start();
              const enabled = !endpoint.enabled;
              toggle.mutate({ enabled }, { onSuccess: () => setSaid(enabled ? 'switchedOn' : 'switchedOff') });
            }}
          >
            {t(endpoint.enabled ? 'endpoint.switchOff' : 'endpoint.switchOn')}
          </Button>
          <Button
            variant="secondary"
            aria-expanded={editing}
            onClick={() => {
              start();
              update.reset();
              setEditing((open) => !open);
            }}
          >
            {t('endpoint.edit')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              start();
              setSecret(null);
              setAsking('rotate');
            }}
          >
            {t('endpoint.rotate')}
          </Button>
          <Button
            variant="quiet"
            onClick={() => {
              start();
              setAsking('delete');
            }}
          >
            {t('endpoint.delete')}
          </Button>
        </div>
        <ProblemAlert error={toggle.error ?? ping.error} />
        {said ? <Notice>{t(`endpoint.${said}`)}</Notice> : null}
        {asking === 'rotate' ? (
          <div className="confirm stack">
            <p role="status">
              <strong>{t('endpoint.rotateQuestion')}</strong>
            </p>
            <div className="row">
              <Button
                busy={rotate.isPending}
                onClick={() =>
                  rotate.mutate(undefined, {
                    onSuccess: (answer) => {
                      setAsking(null);
                      setSecret(answer);
                    },
                  })
                }
              >
                {t('endpoint.rotateConfirm')}
              </Button>
              <Button variant="secondary" onClick={() => setAsking(null)}>
                {t('common:actions.cancel')}
              </Button>
            </div>
            <ProblemAlert error={rotate.error} />
          </div>
        ) : null}
        {asking === 'delete' ? (
          <div className="confirm stack">
            <p role="status">
              <strong>{t('endpoint.deleteQuestion', { url: endpoint.url })}</strong>
            </p>
            <div className="row">
              <Button
                variant="danger"
                busy={remove.isPending}
                onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/admin/webhooks', { state: { deleted: endpoint.url } }) })}
              >
                {t('endpoint.deleteConfirm')}
              </Button>
              <Button variant="secondary" onClick={() => setAsking(null)}>
                {t('common:actions.cancel')}
              </Button>
            </div>
            <ProblemAlert error={remove.error} />
          </div>
        ) : null}
      </Card>
      {secret ? (
        <SecretOnce
          value={secret.secret}
          onDone={() => setSecret(null)}
          words={{
            title: t('secret.title'),
            lead: secret.endpoint.previousSecretExpiresAt
              ? t('secret.rotatedLead', { date: formatMoment(secret.endpoint.previousSecretExpiresAt, locale, 'dateTime') })
              : t('secret.rotated'),
            once: t('secret.once'),
            label: t('secret.label', { url: secret.endpoint.url }),
            copy: t('secret.copy'),
            copied: t('secret.copied'),
            copyFailed: t('secret.copyFailed'),
            done: t('secret.done'),
          }}
        />
      ) : null}
      {editing ? (
        <Card title={t('endpoint.editTitle')}>
          <EndpointForm
            label={t('endpoint.editTitle')}
            initial={endpointValues(endpoint)}
            submitLabel={t('endpoint.save')}
            busy={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSubmit={(values) =>
              update.mutateAsync(updateBody(values), {
                onSuccess: () => {
                  setEditing(false);
                  setSaid('saved');
                },
              })
            }
          />
        </Card>
      ) : null}
      <DeliveryLog endpointId={endpoint.id} />
    </div>
  );
}
