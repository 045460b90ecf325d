import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Badge, Card, TableScroll } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { endOtherSessions, endSession, mySessionsQuery } from './api';
import { describeClient } from './clients';
import { signOut } from './session';

const PAGE = 10;

/** The account's sessions: where and on what each runs; ending one, or all but this one. */
export function SessionsCard() {
  const { t } = useTranslation('account');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<'ended' | 'othersEnded' | null>(null);
  const query = { limit: PAGE, offset };
  const sessions = useQuery(mySessionsQuery(query));
  const endOthers = useMutation(endOtherSessions());
  return (
    <Card title={t('sessions.title')}>
      <div className="stack">
        <p className="muted">{t('sessions.lead')}</p>
        <QueryState query={sessions}>
          {(page) =>
            page.items.length === 0 ? (
              <p role="status">{t('sessions.none')}</p>
            ) : (
              <>
                <TableScroll label={t('sessions.tableLabel')}>
                  <table className="table sessions">
                    <thead>
                      <tr>
                        <th scope="col">{t('sessions.client')}</th>
                        <th scope="col">{t('sessions.startedAt')}</th>
                        <th scope="col">{t('sessions.lastRefreshedAt')}</th>
                        <th scope="col">{t('sessions.address')}</th>
                        <th scope="col">{t('sessions.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((session) => (
                        <SessionRow key={session.id} session={session} onEnded={() => setNotice('ended')} />
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
                <ProblemAlert error={endOthers.error} />
                {page.total > 1 ? (
                  <div>
                    <Button variant="secondary" busy={endOthers.isPending} onClick={() =>
                        endOthers.mutate(undefined, {
                          onSuccess: () => {
                            setNotice('othersEnded');
                            setOffset(0);
                          },
                        })
                      }>
                      {t('sessions.endOthers')}
                    </Button>
                  </div>
                ) : null}
              </>
            )
          }
        </QueryState>
        {notice ? <Notice>{t(`sessions.${notice}`)}</Notice> : null}
      </div>
    </Card>
  );
}

function SessionRow({ session, onEnded }: { session: Schema<'SessionView'>; onEnded: () => void }) {
  const { t } = useTranslation('account');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const client = session.client ? describeClient(session.client) : t('sessions.unknownClient');
  const end = useMutation(endSession(session));
  const ended = async () => {
    if (!session.current) return onEnded();
    // Ending this session is signing out: here too, at once.
    await signOut();
    queryClient.clear();
    void navigate('/login', { replace: true });
  };
  return (
    <tr>
      <th scope="row" className="session-client">
        <bdi dir="ltr" title={session.client ?? undefined}>
          {client}
        </bdi>{' '}
        {session.current ? <Badge tone="info">{t('sessions.thisDevice')}</Badge> : null}
      </th>
      <td>
        <Moment value={session.startedAt} style="dateTime" />
      </td>
      <td>{session.lastRefreshedAt ? <Moment value={session.lastRefreshedAt} style="dateTime" /> : t('sessions.never')}</td>
      <td>{session.address ? <bdi dir="ltr">{session.address}</bdi> : t('sessions.never')}</td>
      <td>
        <Button variant={session.current ? 'secondary' : 'danger'} busy={end.isPending} aria-label={session.current ? undefined : t('sessions.endFor', { client })} onClick={() => end.mutate(undefined, { onSuccess: () => void ended() })}>
          {t(session.current ? 'sessions.endThis' : 'sessions.end')}
        </Button>
        <ProblemAlert error={end.error} />
      </td>
    </tr>
  );
}
