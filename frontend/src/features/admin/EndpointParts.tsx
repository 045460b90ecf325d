import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/Page';
import { Moment } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import { EVENT_KEY } from './webhookWords';

type Endpoint = Schema<'WebhookEndpointView'>;

/** An endpoint's events as badges, in the form's order. */
export function EventBadges({ types }: { types: Schema<'WebhookEventType'>[] }) {
  const { t } = useTranslation('admin');
  return (
    <span className="badges">
      {types.map((type) => (
        <Badge key={type} tone="info">
          {t(`webhookEvents.${EVENT_KEY[type]}.label`)}
        </Badge>
      ))}
    </span>
  );
}

/** On or switched off (when, and why), and a run of failures (since when, how many). */
export function EndpointHealth({ endpoint }: { endpoint: Endpoint }) {
  const { t } = useTranslation('admin');
  const { locale } = useLocale();
  return (
    <div className="stack stack--tight">
      <span>{endpoint.enabled ? <Badge tone="success">{t('webhooks.enabled')}</Badge> : <Badge tone="danger">{t('webhooks.disabled')}</Badge>}</span>
      {!endpoint.enabled && endpoint.disabledAt ? (
        <span className="muted">
          {t('webhooks.disabledAt')}: <Moment value={endpoint.disabledAt} style="dateTime" />
        </span>
      ) : null}
      {!endpoint.enabled && endpoint.disabledBy ? (
        <span className="muted">
          {t('webhooks.disabledBy')}:{' '}
          {endpoint.disabledBy === 'platform' ? t('webhooks.disabledByPlatform') : t('webhooks.disabledByAdmin')}
        </span>
      ) : null}
      {endpoint.failingSince ? (
        <span>
          <Badge tone="warning">{t('webhooks.failing')}</Badge>{' '}
          <span className="muted">
            {t('webhooks.failingSince')}: <Moment value={endpoint.failingSince} style="dateTime" />
          </span>
        </span>
      ) : null}
      {endpoint.consecutiveFailures > 0 ? (
        <span className="muted">{t('webhooks.consecutiveFailures', { n: formatNumber(endpoint.consecutiveFailures, locale) })}</span>
      ) : null}
    </div>
  );
}
