import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Badge, Page, TableScroll } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { EnrolReviewer } from './EnrolReviewer';
import { callsQuery } from './lookups';
import { OneTimeLink } from '@/components/OneTimeLink';
import { DOMAINS, isolate, joinList, ORGANISATIONS, type Domain, type Organisation } from './options';
import { ReviewerEdit } from './ReviewerEdit';
import './jury.css';

type Reviewer = Schema<'ReviewerView'>;
type Filters = { q: string; organisation: '' | Organisation; expertise: '' | Domain; active: '' | 'true' | 'false'; callId: string };
const LIMIT = 20;

export function ReviewersPage() {
  const { t } = useTranslation(['jury', 'enums', 'common']);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const [filters, setFilters] = useState<Filters>({ q: '', organisation: '', expertise: '', active: '', callId: '' });
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [token, setToken] = useState<{ view: Schema<'PasswordTokenView'>; name: string } | null>(null);

  const params = {
    q: filters.q.trim() || undefined,
    organisation: filters.organisation || undefined,
    expertise: filters.expertise || undefined,
    active: filters.active === '' ? undefined : filters.active === 'true',
    callId: filters.callId || undefined,
    limit: LIMIT,
    offset,
  };
  const reviewers = useQuery({
    queryKey: keys.reviewers.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/reviewers', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
  const calls = useQuery(callsQuery());

  const setActive = useMutation({
    mutationFn: ({ reviewer, active }: { reviewer: Reviewer; active: boolean }) =>
      unwrap(api.PATCH('/api/v1/reviewers/{id}', { params: { path: { id: reviewer.id } }, body: { active } })),
    onSuccess: (saved) => {
      setNotice(t(saved.active ? 'reviewers.reactivated' : 'reviewers.deactivated', { name: isolate(saved.displayName) }));
      void queryClient.invalidateQueries({ queryKey: keys.reviewers.all });
    },
  });
  const issueToken = useMutation({
    mutationFn: (reviewer: Reviewer) =>
      unwrap(api.POST('/api/v1/reviewers/{id}/password-token', { params: { path: { id: reviewer.id } } })),
    onSuccess: (view, reviewer) => {
      setNotice(null);
      setToken({ view, name: reviewer.displayName });
    },
  });

  const update = (change: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setOffset(0);
  };
  const n = (value: number) => formatNumber(value, locale);

  return (
    <Page
      title={t('reviewers.title')}
      lead={t('reviewers.lead')}
      actions={
        <Button aria-expanded={enrolling} onClick={() => setEnrolling((open) => !open)}>
          {t('reviewers.enrol')}
        </Button>
      }
    >
      <div className="stack">
        {enrolling ? <EnrolReviewer onClose={() => setEnrolling(false)} /> : null}
        {token ? <OneTimeLink token={token.view} name={token.name} onDone={() => setToken(null)} /> : null}
        {notice ? <Notice>{notice}</Notice> : null}
        <ProblemAlert error={setActive.error ?? issueToken.error} />

        <form className="row filters" role="search" aria-label={t('reviewers.filters')} onSubmit={(event) => event.preventDefault()}>
          <label className="field">
            <span className="field__label">{t('fields.search')}</span>
            <input type="search" value={filters.q} onChange={(event) => update({ q: event.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">{t('fields.organisation')}</span>
            <select value={filters.organisation} onChange={(event) => update({ organisation: event.target.value as Filters['organisation'] })}>
              <option value="">{t('fields.allOrganisations')}</option>
              {ORGANISATIONS.map((value) => (
                <option key={value} value={value}>
                  {t(`enums:Organisation.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('fields.expertise')}</span>
            <select value={filters.expertise} onChange={(event) => update({ expertise: event.target.value as Filters['expertise'] })}>
              <option value="">{t('fields.allDomains')}</option>
              {DOMAINS.map((value) => (
                <option key={value} value={value}>
                  {t(`enums:Domain.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('fields.status')}</span>
            <select value={filters.active} onChange={(event) => update({ active: event.target.value as Filters['active'] })}>
              <option value="">{t('fields.any')}</option>
              <option value="true">{t('fields.activeOnly')}</option>
              <option value="false">{t('fields.inactiveOnly')}</option>
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('fields.call')}</span>
            <select value={filters.callId} onChange={(event) => update({ callId: event.target.value })}>
              <option value="">{t('fields.allCalls')}</option>
              {(calls.data?.items ?? []).map((call) => (
                <option key={call.id} value={call.id}>
                  {pick(call.title, locale)}
                </option>
              ))}
            </select>
          </label>
        </form>

        <QueryState query={reviewers}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{t('reviewers.none')}</p>
            ) : (
              <>
                <TableScroll label={t('reviewers.tableLabel')}>
                  <table className="table">
                    <caption className="visually-hidden">{t('reviewers.tableLabel')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reviewers.columns.name')}</th>
                        <th scope="col">{t('reviewers.columns.organisation')}</th>
                        <th scope="col">{t('reviewers.columns.expertise')}</th>
                        <th scope="col" className="num">
                          {t('reviewers.columns.load')}
                        </th>
                        <th scope="col">{t('reviewers.columns.status')}</th>
                        <th scope="col">{t('reviewers.columns.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((reviewer) => (
                        <Fragment key={reviewer.id}>
                          <tr>
                            <th scope="row">
                              {reviewer.displayName}
                              <br />
                              <small className="muted">
                                <bdi dir="ltr">{reviewer.email}</bdi>
                              </small>
                            </th>
                            <td>{t(`enums:Organisation.${reviewer.organisation}`)}</td>
                            <td>{joinList(reviewer.expertise.map((domain) => t(`enums:Domain.${domain}`)), locale)}</td>
                            <td className="num">
                              {t('reviewers.loadValue', { submitted: n(reviewer.submitted), assigned: n(reviewer.assigned), max: n(reviewer.maxLoad) })}
                            </td>
                            <td>
                              <Badge tone={reviewer.active ? 'success' : 'neutral'}>{t(reviewer.active ? 'reviewers.active' : 'reviewers.inactive')}</Badge>{' '}
                              {reviewer.accountActive ? null : <Badge tone="danger">{t('reviewers.accountInactive')}</Badge>}
                            </td>
                            <td>
                              <div className="actions" role="group" aria-label={t('reviewers.actionsFor', { name: reviewer.displayName })}>
                                <Button
                                  variant="secondary"
                                  className="button--small"
                                  aria-expanded={editing === reviewer.id}
                                  onClick={() => setEditing(editing === reviewer.id ? null : reviewer.id)}
                                >
                                  {t('reviewers.edit')}
                                </Button>
                                <Button
                                  variant={reviewer.active ? 'quiet' : 'secondary'}
                                  className="button--small"
                                  busy={setActive.isPending && setActive.variables.reviewer.id === reviewer.id}
                                  onClick={() => setActive.mutate({ reviewer, active: !reviewer.active })}
                                >
                                  {t(reviewer.active ? 'reviewers.deactivate' : 'reviewers.reactivate')}
                                </Button>
                                <Button
                                  variant="quiet"
                                  className="button--small"
                                  busy={issueToken.isPending && issueToken.variables.id === reviewer.id}
                                  onClick={() => issueToken.mutate(reviewer)}
                                >
                                  {t('reviewers.newToken')}
                                </Button>
                              </div>
                            </td>
                          </tr>
                          {editing === reviewer.id ? (
                            <tr>
                              <td colSpan={6}>
                                <ReviewerEdit
                                  reviewer={reviewer}
                                  onDone={(saved) => {
                                    setEditing(null);
                                    if (saved) setNotice(t('reviewers.saved', { name: isolate(saved.displayName) }));
                                  }}
                                />
                              </td>
                            </tr>
                          ) : null}
                        </Fragment>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
              </>
            )
          }
        </QueryState>
      </div>
    </Page>
  );
}
