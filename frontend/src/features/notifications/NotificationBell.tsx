import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { meQuery } from '@/lib/api/me';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import './bell.css';

/** How often the count is read again while the tab is in view (TanStack Query pauses the interval when hidden). */
export const BELL_INTERVAL_MS = 60_000;
/** Beyond this the badge says "99+". */
const MOST = 99;

/**
 * The header's bell for a signed-in account: how many notices it has not read (GET /me), read again on every move to
 * another page and every minute while the tab is visible; it leads to the list.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const { locale } = useLocale();
  const { pathname } = useLocation();
  const me = useQuery({ ...meQuery(), refetchInterval: BELL_INTERVAL_MS });
  const { refetch } = me;
  // Not on the first page: the query has just been read for it.
  const seen = useRef(pathname);
  useEffect(() => {
    if (seen.current === pathname) return;
    seen.current = pathname;
    void refetch();
  }, [pathname, refetch]);
  const count = me.data?.unreadNotifications ?? 0;
  const n = formatNumber(count, locale);
  const shown = count > MOST ? `${formatNumber(MOST, locale)}+` : n;
  return (
    <NavLink to="/notifications" className="button button--quiet bell" aria-label={count > 0 ? t('bell.unread', { count, n }) : t('bell.label')}>
      <svg className="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 ? (
        <span className="bell__count" aria-hidden="true">
          {shown}
        </span>
      ) : null}
    </NavLink>
  );
}
