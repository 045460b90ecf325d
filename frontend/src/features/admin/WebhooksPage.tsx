import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Badge, Card, Page } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import type { Schema } from '@/lib/api/types';
import { createWebhook, webhooksQuery, type CreateWebhookBody } from './api';
import { EndpointForm, NEW_ENDPOINT, type EndpointValues } from './EndpointForm';
import { SecretOnce } from './SecretOnce';
import { EndpointHealth, EventBadges } from './EndpointParts';
import './admin.css';

type Endpoint = Schema<'WebhookEndpointView'>;
const PAGE = 50;

/** The body that registers an endpoint: the description only when one was written. */
export function createBody(values: EndpointValues): CreateWebhookBody {
  return {
    url: values.url,
    eventTypes: values.eventTypes,
    scope: values.scope,
    ...(values.description ? { description: values.description } : {}),
  };
}

/** Webhook endpoints for admins: the list with each one's health, and registering one (its secret shown once). */
export function WebhooksPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { offset } = usePaging();
  const endpoints = useQuery(webhooksQuery({ limit: PAGE, offset }));
  const [registering, setRegistering] = useState(false);
  const [created, setCreated] = useState<Schema<'WebhookEndpointCreated'> | null>(null);
  const create = useMutation(createWebhook());
  // The endpoint page sends an admin back here after a deletion, naming what it deleted.
  const deleted = (useLocation().state as { deleted?: unknown } | null)?.deleted;
  const columns: Column<Endpoint>[] = [
    { key: 'url', header: t('webhooks.url') },
    { key: 'scope', header: t('webhooks.scopeColumn') },
    { key: 'events', header: t('webhooks.eventTypes') },
    { key: 'status', header: t('webhooks.status') },
    { key: 'actions', header: t('webhooks.actions') },
  ];
  return (
    <Page
      title={t('webhooks.title')}
      lead={t('webhooks.lead')}
      actions={
        registering ? null : (
          <Button
            onClick={() => {
              setCreated(null);
              create.reset();
              setRegistering(true);
            }}
          >
            {t('webhooks.register')}
          </Button>
        )
      }
    >
      <div className="stack">
        {typeof deleted === 'string' && !created && !registering ? <Notice>{t('endpoint.deleted', { url: deleted })}</Notice> : null}
        {created ? (
          <SecretOnce
            value={created.secret}
            onDone={() => setCreated(null)}
            words={{
              title: t('secret.title'),
              lead: t('secret.createdLead'),
              once: t('secret.once'),
              label: t('secret.label', { url: created.endpoint.url }),
              copy: t('secret.copy'),
              copied: t('secret.copied'),
              copyFailed: t('secret.copyFailed'),
              done: t('secret.done'),
            }}
          >
            <p>
              <Link to={`/admin/webhooks/${created.endpoint.id}`}>{t('webhooks.openFor', { url: created.endpoint.url })}</Link>
            </p>
          </SecretOnce>
        ) : null}
        {registering ? (
          <Card title={t('webhooks.registerTitle')}>
            <EndpointForm
              label={t('webhooks.registerTitle')}
              initial={NEW_ENDPOINT}
              submitLabel={t('webhooks.submit')}
              busy={create.isPending}
              error={create.error}
              onCancel={() => setRegistering(false)}
              onSubmit={(values) =>
                create.mutateAsync(createBody(values), {
                  onSuccess: (answer) => {
                    setRegistering(false);
                    setCreated(answer);
                  },
                })
              }
            />
          </Card>
        ) : null}
        <QueryState query={endpoints}>
          {(page) => (
            <PagedTable
              label={t('webhooks.tableLabel')}
              caption={t('webhooks.caption')}
              className="webhooks"
              columns={columns}
              page={page}
              rowKey={(endpoint) => endpoint.id}
              empty={t('webhooks.none')}
              row={(endpoint) => <EndpointRow endpoint={endpoint} />}
            />
          )}
        </QueryState>
      </div>
    </Page>
  );
}

function EndpointRow({ endpoint }: { endpoint: Endpoint }) {
  const { t } = useTranslation('admin');
  return (
    <tr>
      <th scope="row" className="webhook__url">
        <Link to={`/admin/webhooks/${endpoint.id}`}>
          <bdi dir="ltr">{endpoint.url}</bdi>
        </Link>
        {endpoint.description ? (
          <div className="muted">
            <bdi>{endpoint.description}</bdi>
          </div>
        ) : null}
      </th>
      <td>
        <Badge tone={endpoint.scope === 'staff' ? 'warning' : 'neutral'}>{t(`webhookScopes.${endpoint.scope}.label`)}</Badge>
      </td>
      <td>
        <EventBadges types={endpoint.eventTypes} />
      </td>
      <td className="webhook__status">
        <EndpointHealth endpoint={endpoint} />
      </td>
      <td>
        <Link className="button button--secondary" to={`/admin/webhooks/${endpoint.id}`} aria-label={t('webhooks.openFor', { url: endpoint.url })}>
          {t('webhooks.open')}
        </Link>
      </td>
    </tr>
  );
}
