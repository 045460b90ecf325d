import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, Page, TableScroll } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { stateTone } from './stateTone';

const LIMIT = 20;

/** The signed-in citizen's own ideas, newest first. */
export function MyIdeasPage() {
  const { t } = useTranslation(['ideas', 'enums', 'common']);
  const { locale } = useLocale();
  const [offset, setOffset] = useState(0);
  const params = { mine: true, sort: '-createdAt' as const, limit: LIMIT, offset };
  const ideas = useQuery({
    queryKey: keys.ideas.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/ideas', { params: { query: params } })),
  });
  // The calls name the ideas' calls; a citizen has ideas in few calls, and calls are few.
  const calls = useQuery({
    queryKey: keys.calls.list({ limit: 100 }),
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query: { limit: 100 } } })),
  });
  const callTitle = (id: string) => {
    const call = calls.data?.items.find((c) => c.id === id);
    return call ? pick(call.title, locale) : '…';
  };
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
        {(page) =>
          page.items.length === 0 ? (
            <p className="card">{t('list.empty')}</p>
          ) : (
            <>
              <TableScroll label={t('list.tableLabel')}>
                <table className="table">
                  <caption className="visually-hidden">{t('list.tableLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('list.idea')}</th>
                      <th scope="col">{t('list.call')}</th>
                      <th scope="col">{t('list.state')}</th>
                      <th scope="col">{t('list.lastChange')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((idea) => (
                      <tr key={idea.id}>
                        <td>
                          <Link to={`/my/ideas/${idea.id}`}>
                            <bdi>{idea.title}</bdi>
                          </Link>
                        </td>
                        <td>{callTitle(idea.callId)}</td>
                        <td>
                          <Badge tone={stateTone[idea.state]}>{t(`enums:IdeaState.${idea.state}`)}</Badge>
                        </td>
                        <td>
                          <Moment value={idea.updatedAt} style="dateTime" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
