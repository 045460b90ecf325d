// A notice in words: one sentence per kind, built from what the view carries (titles in the reader's language,
// numbers in its digits, dates in its calendar), and the page it is about.
import { useTranslation } from 'react-i18next';
import type { Schema } from '@/lib/api/types';
import { formatDay, formatMoment } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { isolate, pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';

export type NotificationView = Schema<'NotificationView'>;

/**
 * Where a notice leads: the idea, the reviews, the call, the profile or the webhook endpoint; null for a kind with no
 * page of its own.
 */
export function noticeLink(notice: NotificationView): string | null {
  switch (notice.kind) {
    case 'idea_received':
    case 'idea_screened':
    case 'decision_published':
      return notice.idea ? `/my/ideas/${notice.idea.id}` : '/my/ideas';
    case 'draft_reminder':
      return '/my/ideas';
    case 'assignments_made':
    case 'review_reminder':
      return '/review';
    case 'call_digest':
      return notice.call ? `/staff/calls/${notice.call.id}` : '/staff/calls';
    case 'password_changed':
    case 'second_factor_changed':
      return '/profile';
    case 'webhook_disabled':
      return notice.endpoint ? `/admin/webhooks/${notice.endpoint.id}` : '/admin/webhooks';
    default:
      return null;
  }
}

/** The sentence of a notice in the interface language. */
export function useNoticeText(): (notice: NotificationView) => string {
  const { t } = useTranslation(['notifications', 'enums']);
  const { locale } = useLocale();
  return (notice) => {
    const quote = (text: string) => t('notice.quote', { text: isolate(text) });
    const call = notice.call ? quote(pick(notice.call.title, locale)) : t('notice.someCall');
    const idea = notice.idea ? quote(notice.idea.title) : t('notice.someIdea');
    const count = notice.count ?? 1;
    const n = formatNumber(count, locale);
    const due = notice.due ? formatMoment(notice.due, locale, 'long') : null;
    const then = (sentence: string, extra: string | null) => (extra ? `${sentence} ${extra}` : sentence);
    switch (notice.kind) {
      case 'password_changed':
        return t('notice.password_changed');
      case 'second_factor_changed':
        return t(`notice.second_factor_changed.${notice.change ?? 'other'}`);
      case 'idea_received':
        return t('notice.idea_received', { idea, call });
      case 'idea_screened':
        if (notice.shortlisted) return t('notice.idea_shortlisted', { idea, call });
        return notice.reason
          ? t('notice.idea_rejected_reason', { idea, call, reason: t(`enums:ScreeningReason.${notice.reason}`) })
          : t('notice.idea_rejected', { idea, call });
      case 'draft_reminder':
        return then(t('notice.draft_reminder', { count, n, call }), due ? t('notice.draft_due', { due }) : null);
      case 'decision_published':
        if (notice.selected === true) return t('notice.decision_selected', { idea, call });
        if (notice.selected === false) return t('notice.decision_not_selected', { idea, call });
        return t('notice.decision', { idea, call });
      case 'assignments_made':
        return then(t('notice.assignments_made', { count, n, call }), due ? t('notice.review_due', { due }) : null);
      case 'review_reminder':
        return then(t('notice.review_reminder', { count, n, call }), due ? t('notice.review_due', { due }) : null);
      case 'call_digest':
        return t('notice.call_digest', { count, n, call, day: notice.day ? formatDay(notice.day, locale, 'long') : '' });
      case 'webhook_disabled':
        return t('notice.webhook_disabled', { count, n, url: notice.endpoint ? isolate(notice.endpoint.url) : t('notice.someEndpoint') });
      default:
        return t('notice.other', { kind: t(`enums:NoticeKind.${notice.kind}`) });
    }
  };
}
