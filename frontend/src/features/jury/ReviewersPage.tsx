import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { FilterFold } from '@/components/ui/FilterFold';
import { Badge, Page } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { EnrolReviewer } from './EnrolReviewer';
import { issueReviewerToken, pickerCallsQuery, reviewersQuery, updateReviewer } from './api';
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
  const [enrolling, setEnrolling] = useState(false);
  const [filters, setFilters] = useState<Filters>({ q: '', organisation: '', expertise: '', active: '', callId: '' });
  const paging = usePaging();
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
    offset: paging.offset,
  };
  const reviewers = useQuery(reviewersQuery(params));
  const calls = useQuery(pickerCallsQuery());
  const setActive = useMutation(updateReviewer());
  const issueToken = useMutation(issueReviewerToken());
  const activate = (reviewer: Reviewer, active: boolean) =>
    setActive.mutate(
      { id: reviewer.id, active },
      { onSuccess: (saved) => setNotice(t(saved.active ? 'reviewers.reactivated' : 'reviewers.deactivated', { name: isolate(saved.displayName) })) },
    );
  const issue = (reviewer: Reviewer) =>
    issueToken.mutate(reviewer.id, {
      onSuccess: (view) => {
        setNotice(null);
        setToken({ view, name: reviewer.displayName });
      },
    });

  const update = (change: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...change }));
    paging.firstPage();
  };
  const columns: Column<Reviewer>[] = [
    { key: 'name', header: t('reviewers.columns.name') },
    { key: 'organisation', header: t('reviewers.columns.organisation') },
    { key: 'expertise', header: t('reviewers.columns.expertise') },
    { key: 'load', header: t('reviewers.columns.load'), className: 'num' },
    { key: 'status', header: t('reviewers.columns.status') },
    { key: 'actions', header: t('reviewers.columns.actions') },
  ];
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

        <FilterFold active={Object.values(filters).filter((value) => value.trim()).length}>
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
        </FilterFold>

        <QueryState query={reviewers}>
          {(page) => (
            <PagedTable
              label={t('reviewers.tableLabel')}
              columns={columns}
              page={page}
              rowKey={(reviewer) => reviewer.id}
              empty={t('reviewers.none')}
              row={(reviewer) => (
                <>
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
                          busy={setActive.isPending && setActive.variables.id === reviewer.id}
                          onClick={() => activate(reviewer, !reviewer.active)}
                        >
                          {t(reviewer.active ? 'reviewers.deactivate' : 'reviewers.reactivate')}
                        </Button>
                        <Button
                          variant="quiet"
                          className="button--small"
                          busy={issueToken.isPending && issueToken.variables === reviewer.id}
                          onClick={() => issue(reviewer)}
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
                </>
              )}
            />
          )}
        </QueryState>
      </div>
    </Page>
  );
}
