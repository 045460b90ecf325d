import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, Page } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { callsQuery } from '@/lib/api/calls';
import { ideasQuery, type IdeasQuery } from '@/lib/api/ideas';
import type { Schema } from '@/lib/api/types';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { stateTone } from './stateTone';

type Sort = NonNullable<IdeasQuery['sort']>;
const LIMIT = 20;
const SORTS: readonly Sort[] = ['createdAt', '-createdAt', 'title', '-title', 'submittedAt', '-submittedAt'];

/** The signed-in citizen's own ideas, newest first. */
export function MyIdeasPage() {
  const { t } = useTranslation(['ideas', 'enums', 'common']);
  const { locale } = useLocale();
  const paging = usePaging('-createdAt');
  const sort = SORTS.find((value) => value === paging.sort) ?? '-createdAt';
  const ideas = useQuery(ideasQuery({ mine: true, sort, limit: LIMIT, offset: paging.offset }));
  // The calls name the ideas' calls; a citizen has ideas in few calls, and calls are few.
  const calls = useQuery(callsQuery({ limit: 100 }));
  const callTitle = (id: string) => {
    const call = calls.data?.items.find((c) => c.id === id);
    return call ? pick(call.title, locale) : '…';
  };
  const columns: Column<Schema<'IdeaView'>>[] = [
    {
      key: 'idea',
      header: t('list.idea'),
      sort: 'title',
      cell: (idea) => (
        <Link to={`/my/ideas/${idea.id}`}>
          <bdi>{idea.title}</bdi>
        </Link>
      ),
    },
    { key: 'call', header: t('list.call'), cell: (idea) => callTitle(idea.callId) },
    { key: 'state', header: t('list.state'), cell: (idea) => <Badge tone={stateTone[idea.state]}>{t(`enums:IdeaState.${idea.state}`)}</Badge> },
    { key: 'lastChange', header: t('list.lastChange'), cell: (idea) => <Moment value={idea.updatedAt} style="dateTime" /> },
  ];
  return (
    <Page
      title={t('list.title')}
      lead={t('list.lead')}
      actions={
        <Link className="button button--primary" to="/my/ideas/new">
          {t('list.propose')}
        </Link>
      }
    >
      <QueryState query={ideas}>
        {(page) => <PagedTable label={t('list.tableLabel')} columns={columns} page={page} rowKey={(idea) => idea.id} empty={t('list.empty')} defaultSort="-createdAt" />}
      </QueryState>
    </Page>
  );
}
