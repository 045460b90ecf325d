import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FileSection } from '@/components/files/FileSection';
import { Card, Page } from '@/components/ui/Page';
import { QueryState } from '@/components/ui/QueryState';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { partnershipQuery } from './api';
import { CityActivities, NotesCard, PartnershipFacts, StateHistory } from './PartnershipFacts';
import './partnerships.css';

/** One partnership for everyone: its facts, its history and its activities as a timeline. */
export function PartnershipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['partnerships', 'common']);
  const { locale } = useLocale();
  const partnership = useQuery(partnershipQuery(id));
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
              {/* Staff manage it on their own page: the server lists what they may do with it. */}
              {data.allowedActions.includes('edit') ? (
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
            <FileSection owner={{ kind: 'partnership', id: data.id }} title={t('files.title')} canAdd={data.allowedActions.includes('edit')} />
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
