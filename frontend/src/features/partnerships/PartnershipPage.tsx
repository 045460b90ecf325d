import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Card, Page } from '@/components/ui/Page';
import { QueryState } from '@/components/ui/QueryState';
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import { hasRole, useSession } from '@/lib/auth/useSession';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { CityActivities, NotesCard, PartnershipFacts, StateHistory } from './PartnershipFacts';
import './partnerships.css';

/** One partnership for everyone: its facts, its history and its activities as a timeline. */
export function PartnershipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['partnerships', 'common']);
  const { locale } = useLocale();
  const session = useSession();
  const partnership = useQuery({
    queryKey: keys.partnerships.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/partnerships/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryState query={partnership}>
      {(data) => (
        <Page
          title={pick(data.city.name, locale)}
          actions={
            <>
              <Link to="/sister-cities" className="button button--quiet">
                {t('detail.backToRegister')}
              </Link>
              {hasRole(session?.user, 'staff') ? (
                <Link to={`/staff/partnerships/${data.id}`} className="button button--secondary">
                  {t('detail.staffPage')}
                </Link>
              ) : null}
            </>
          }
        >
          <div className="stack">
            <Card title={t('detail.facts')}>
              <PartnershipFacts partnership={data} />
            </Card>
            <NotesCard partnership={data} />
            <Card title={t('detail.activities')}>
              <CityActivities cityId={data.city.id} />
            </Card>
            {data.history?.length ? (
              <Card title={t('detail.history')}>
                <StateHistory history={data.history} />
              </Card>
            ) : null}
          </div>
        </Page>
      )}
    </QueryState>
  );
}
