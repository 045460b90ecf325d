import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { QueryState } from '@/components/ui/QueryState';
import { Day, Moment } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { countryName } from '@/lib/format/countries';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { ActivityTimeline } from './ActivityTimeline';
import { cityActivitiesQuery } from './api';
import { HealthBadge, StateBadge } from './PartnershipRegister';

type Partnership = Schema<'PartnershipView'>;

/** What everyone may read of a partnership: kind, state, signing, health. */
export function PartnershipFacts({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation(['partnerships', 'enums']);
  const { locale } = useLocale();
  const { health } = partnership;
  return (
    <dl className="facts">
      <div>
        <dt>{t('columns.country')}</dt>
        <dd>{countryName(partnership.city.country, locale)}</dd>
      </div>
      <div>
        <dt>{t('columns.kind')}</dt>
        <dd>{t(`enums:PartnershipKind.${partnership.kind}`)}</dd>
      </div>
      <div>
        <dt>{t('columns.state')}</dt>
        <dd>
          <StateBadge state={partnership.state} />
        </dd>
      </div>
      <div>
        <dt>{t('columns.signedOn')}</dt>
        <dd>{partnership.signedOn ? <Day value={partnership.signedOn} /> : t('health.notSigned')}</dd>
      </div>
      <div>
        <dt>{t('columns.lastActivity')}</dt>
        <dd>{health.lastActivityOn ? <Day value={health.lastActivityOn} /> : t('health.noActivity')}</dd>
      </div>
      <div>
        <dt>{t('columns.recent')}</dt>
        <dd>{formatNumber(health.recentActivities, locale)}</dd>
      </div>
      <div>
        <dt>{t('columns.health')}</dt>
        <dd>
          <HealthBadge health={health} />
        </dd>
      </div>
    </dl>
  );
}

/** A partnership's history of states, oldest first. */
export function StateHistory({ history }: { history: Schema<'StateChangeView'>[] }) {
  const { t } = useTranslation(['partnerships', 'enums']);
  if (history.length === 0) return null;
  const label = (state: Schema<'PartnershipState'>) => t(`enums:PartnershipState.${state}`);
  return (
    <ol className="timeline">
      {history.map((change) => (
        <li key={change.recordedAt + change.to}>
          <p className="activity__date">
            <Day value={change.effectiveOn} />
          </p>
          <p>
            <strong>{change.from ? t('detail.historyEntry', { from: label(change.from), to: label(change.to) }) : t('detail.entered', { to: label(change.to) })}</strong>
          </p>
          {change.reason ? <p className="activity__text" dir="auto">{change.reason}</p> : null}
          {change.recordedBy ? (
            <p className="muted">
              {t('detail.recordedBy')} <bdi>{change.recordedBy}</bdi> · <Moment value={change.recordedAt} style="dateTime" />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** A city's activities, a page at a time, as a timeline (`canAddFiles`: the reader adds their files, see ActivityTimeline). */
export function CityActivities({
  cityId,
  actions,
  canAddFiles = false,
}: {
  cityId: string;
  actions?: (activity: Schema<'ActivityView'>) => ReactNode;
  canAddFiles?: boolean;
}) {
  const { t } = useTranslation('partnerships');
  const [offset, setOffset] = useState(0);
  const query = { limit: 50, offset };
  const activities = useQuery(cityActivitiesQuery(cityId, query));
  return (
    <QueryState query={activities}>
      {(page) =>
        page.items.length === 0 ? (
          <p className="muted">{t('detail.noActivities')}</p>
        ) : (
          <>
            <ActivityTimeline activities={page.items} actions={actions} canAddFiles={canAddFiles} />
            <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
          </>
        )
      }
    </QueryState>
  );
}

export function NotesCard({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation('partnerships');
  const { locale } = useLocale();
  const notes = pick(partnership.notes, locale);
  if (!notes) return null;
  return (
    <Card title={t('detail.notes')}>
      <p className="activity__text" dir="auto">{notes}</p>
    </Card>
  );
}
