import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Badge, Card, Page, TableScroll, type Tone } from '@/components/ui/Page';
import { Notice } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Day, Moment } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { myAssignmentsQuery } from './api';
import './reviews.css';

type Assignment = Schema<'MyAssignmentView'>;

export const assignmentTone: Record<Schema<'AssignmentState'>, Tone> = {
  pending: 'warning',
  submitted: 'success',
  declined: 'neutral',
};

/** Assignments grouped by their call, in the order the calls first appear (oldest assignment first). */
export function groupByCall(items: readonly Assignment[]): { call: Assignment['call']; items: Assignment[] }[] {
  const groups = new Map<string, { call: Assignment['call']; items: Assignment[] }>();
  for (const item of items) {
    const group = groups.get(item.call.id) ?? { call: item.call, items: [] };
    group.items.push(item);
    groups.set(item.call.id, group);
  }
  return [...groups.values()];
}

/** The ideas I am to review, by call, with my progress in each and its review window. */
export function MyAssignmentsPage() {
  const { t } = useTranslation(['reviews', 'enums', 'common']);
  const { locale } = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const location = useLocation();
  const conflictDeclared = Boolean((location.state as { conflict?: boolean } | null)?.conflict);
  const assignments = useQuery(myAssignmentsQuery());
  return (
    <Page title={t('list.title')} lead={t('list.lead')}>
      {conflictDeclared ? <Notice>{t('conflict.done')}</Notice> : null}
      <QueryState query={assignments}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="card">{t('list.empty')}</p>
          ) : (
            <div className="stack">
              <p>{t('list.overall', { submitted: n(data.progress.submitted), total: n(data.progress.assigned) })}</p>
              {groupByCall(data.items).map(({ call, items }) => {
                // state-ok: my progress shown (the assignments that count, how many submitted), not a permission.
                const counted = items.filter((a) => a.state !== 'declined');
                const submitted = counted.filter((a) => a.state === 'submitted').length;
                const title = pick(call.title, locale);
                return (
                  <Card key={call.id} title={title}>
                    <div className="stack">
                      <p className="review-call__meta">
                        <span>
                          {t('list.window')} <Moment value={call.reviewOpensAt} style="dateTime" /> {'–'}{' '}
                          <Moment value={call.reviewClosesAt} style="dateTime" />
                        </span>
                        {call.blindReview ? <Badge tone="info">{t('list.blind')}</Badge> : null}
                      </p>
                      <div className="review-progress">
                        <progress
                          max={Math.max(counted.length, 1)}
                          value={submitted}
                          aria-label={t('list.progressLabel')}
                          aria-valuetext={t('list.progress', { submitted: n(submitted), total: n(counted.length) })}
                        />
                        <span>{t('list.progress', { submitted: n(submitted), total: n(counted.length) })}</span>
                      </div>
                      <TableScroll label={t('list.tableLabel', { call: title })}>
                        <table className="table">
                          <caption className="visually-hidden">{t('list.tableLabel', { call: title })}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('list.idea')}</th>
                              <th scope="col">{t('list.domain')}</th>
                              <th scope="col">{t('list.state')}</th>
                              <th scope="col">{t('list.savedAt')}</th>
                              <th scope="col">{t('list.dueOn')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {items.map((assignment) => (
                              <tr key={assignment.id}>
                                <td>
                                  <Link to={`/review/${assignment.idea.id}`}>
                                    <bdi>{assignment.idea.title}</bdi>
                                  </Link>
                                </td>
                                <td>{t(`enums:Domain.${assignment.idea.domain}`)}</td>
                                <td>
                                  <Badge tone={assignmentTone[assignment.state]}>{t(`enums:AssignmentState.${assignment.state}`)}</Badge>
                                </td>
                                <td>
                                  {assignment.reviewSavedAt ? <Moment value={assignment.reviewSavedAt} style="dateTime" /> : t('list.notSaved')}
                                </td>
                                <td>{assignment.dueOn ? <Day value={assignment.dueOn} /> : '—'}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </TableScroll>
                    </div>
                  </Card>
                );
              })}
            </div>
          )
        }
      </QueryState>
    </Page>
  );
}
