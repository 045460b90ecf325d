import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Page } from '@/components/ui/Page';
import { QueryState } from '@/components/ui/QueryState';
import { callQuery, callStatsQuery } from '@/lib/api/calls';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { StatsCharts } from './StatsCharts';

export function StaffStatsPage() {
  const { t } = useTranslation(['stats', 'enums']);
  const { locale } = useLocale();
  const id = useParams().id ?? '';
  const call = useQuery(callQuery(id));
  const stats = useQuery(callStatsQuery(id));
  const title = call.data ? `${t('staffTitle')}: ${pick(call.data.title, locale)}` : t('staffTitle');
  return (
    <Page title={title} actions={<Link to={`/stats?call=${encodeURIComponent(id)}`}>{t('publicPage')}</Link>}>
      <CallTabs callId={id} />
      {call.data ? <p className="muted">{t('phase', { phase: t(`enums:CallPhase.${call.data.phase}`) })}</p> : null}
      <QueryState query={stats}>{(data) => <StatsCharts stats={data} staff />}</QueryState>
    </Page>
  );
}
