import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Badge, Page } from '@/components/ui/Page';
import { usePaging } from '@/components/ui/PagedTable';
import { Pagination } from '@/components/ui/Pagination';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { meQuery } from '@/lib/api/me';
import { markAllNotificationsRead, markNotificationRead, notificationsQuery } from './api';
import { noticeLink, useNoticeText, type NotificationView } from './notice';
import './notifications.css';

const PAGE = 20;

/** The signed-in account's notices, newest first, all or unread only: each a sentence that leads where it is about. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const paging = usePaging();
  const list = useQuery(notificationsQuery({ limit: PAGE, offset: paging.offset, ...(unreadOnly ? { unread: true } : {}) }));
  const me = useQuery(meQuery());
  const unread = me.data?.unreadNotifications ?? 0;
  const readAll = useMutation(markAllNotificationsRead());
  const [allRead, setAllRead] = useState(false);
  const filter = (checked: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (checked) next.set('unread', '1');
        else next.delete('unread');
        next.delete('offset');
        return next;
      },
      { replace: true },
    );
  return (
    <Page
      title={t('page.title')}
      lead={t('page.lead')}
      actions={
        <Button
          variant="secondary"
          busy={readAll.isPending}
          disabled={unread === 0}
          onClick={() => readAll.mutate(undefined, { onSuccess: () => setAllRead(true) })}
        >
          {t('page.markAllRead')}
        </Button>
      }
    >
      <div className="stack">
        <label className="check notices__filter">
          <input type="checkbox" checked={unreadOnly} onChange={(event) => filter(event.target.checked)} />
          {t('page.unreadOnly')}
        </label>
        <ProblemAlert error={readAll.error} />
        {allRead ? <Notice>{t('page.allRead')}</Notice> : null}
        <QueryState query={list}>
          {(page) =>
            page.items.length === 0 ? (
              <p role="status" className="muted">
                {unreadOnly ? t('page.emptyUnread') : t('page.empty')}
              </p>
            ) : (
              <>
                <ul className="notices" aria-label={t('page.listLabel')}>
                  {page.items.map((notice) => (
                    <NoticeItem key={notice.id} notice={notice} />
                  ))}
                </ul>
                <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={paging.setOffset} />
              </>
            )
          }
        </QueryState>
        <p>
          <Link to="/profile#notifications">{t('page.preferences')}</Link>
        </p>
      </div>
    </Page>
  );
}

/** One notice: unread ones stand out and can be marked read; following its link marks it read too. */
function NoticeItem({ notice }: { notice: NotificationView }) {
  const { t } = useTranslation('notifications');
  const text = useNoticeText()(notice);
  const to = noticeLink(notice);
  const textId = useId();
  const read = useMutation(markNotificationRead(notice.id));
  const unread = !notice.readAt;
  return (
    <li className={unread ? 'notice notice--unread' : 'notice'}>
      <div className="notice__body">
        <p id={textId} className="notice__text">
          {unread ? (
            <>
              <Badge tone="info">{t('page.unread')}</Badge>{' '}
            </>
          ) : null}
          {to ? (
            <Link to={to} onClick={() => (unread ? read.mutate() : undefined)}>
              {text}
            </Link>
          ) : (
            text
          )}
        </p>
        <p className="notice__when muted">
          <Moment value={notice.createdAt} style="dateTime" />
        </p>
        <ProblemAlert error={read.error} />
      </div>
      {unread ? (
        <Button variant="quiet" busy={read.isPending} aria-describedby={textId} onClick={() => read.mutate()}>
          {t('page.markRead')}
        </Button>
      ) : null}
    </li>
  );
}
