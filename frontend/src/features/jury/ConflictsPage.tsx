import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Badge, Card, Page, TableScroll } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { api, unwrap } from '@/lib/api/client';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import { keys } from '@/lib/api/queryKeys';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { allReviewersQuery, callIdeasQuery, callsQuery } from './lookups';
import { isolate } from './options';
import './jury.css';

const LIMIT = 20;
type Values = { callId: string; ideaId: string; reviewerId: string; reason: string };

export function ConflictsPage() {
  const { t } = useTranslation(['jury', 'enums', 'common']);
  const { locale } = useLocale();
  const [filters, setFilters] = useState({ callId: '', reviewerId: '' });
  const [offset, setOffset] = useState(0);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const calls = useQuery(callsQuery());
  const reviewers = useQuery(allReviewersQuery());
  const params = { callId: filters.callId || undefined, reviewerId: filters.reviewerId || undefined, limit: LIMIT, offset };
  const conflicts = useQuery({
    queryKey: keys.conflicts.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/conflicts', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

  return (
    <Page
      title={t('conflicts.title')}
      lead={t('conflicts.lead')}
      actions={
        <Button aria-expanded={recording} onClick={() => setRecording((open) => !open)}>
          {t('conflicts.record')}
        </Button>
      }
    >
      <div className="stack">
        {notice ? <Notice>{notice}</Notice> : null}
        {recording ? (
          <RecordConflict
            onDone={(message) => {
              setRecording(false);
              setNotice(message);
            }}
          />
        ) : null}
        <form className="row filters" role="search" aria-label={t('conflicts.filters')} onSubmit={(event) => event.preventDefault()}>
          <label className="field">
            <span className="field__label">{t('fields.call')}</span>
            <select
              value={filters.callId}
              onChange={(event) => {
                setFilters((current) => ({ ...current, callId: event.target.value }));
                setOffset(0);
              }}
            >
              <option value="">{t('fields.allCalls')}</option>
              {(calls.data?.items ?? []).map((call) => (
                <option key={call.id} value={call.id}>
                  {pick(call.title, locale)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('fields.reviewer')}</span>
            <select
              value={filters.reviewerId}
              onChange={(event) => {
                setFilters((current) => ({ ...current, reviewerId: event.target.value }));
                setOffset(0);
              }}
            >
              <option value="">{t('fields.allReviewers')}</option>
              {(reviewers.data ?? []).map((reviewer) => (
                <option key={reviewer.id} value={reviewer.id}>
                  {reviewer.displayName}
                </option>
              ))}
            </select>
          </label>
        </form>
        <QueryState query={conflicts}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{t('conflicts.none')}</p>
            ) : (
              <>
                <TableScroll label={t('conflicts.tableLabel')}>
                  <table className="table">
                    <caption className="visually-hidden">{t('conflicts.tableLabel')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('conflicts.columns.reviewer')}</th>
                        <th scope="col">{t('conflicts.columns.idea')}</th>
                        <th scope="col">{t('conflicts.columns.reason')}</th>
                        <th scope="col">{t('conflicts.columns.source')}</th>
                        <th scope="col">{t('conflicts.columns.at')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((conflict) => (
                        <tr key={conflict.id}>
                          <th scope="row">{conflict.reviewer.displayName}</th>
                          <td>{conflict.idea.title}</td>
                          <td>{conflict.reason}</td>
                          <td>
                            <Badge tone={conflict.source === 'reviewer' ? 'info' : 'neutral'}>{t(`enums:ConflictSource.${conflict.source}`)}</Badge>
                          </td>
                          <td>
                            <Moment value={conflict.createdAt} style="dateTime" />
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
      </div>
    </Page>
  );
}

function RecordConflict({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation(['jury', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ defaultValues: { callId: '', ideaId: '', reviewerId: '', reason: '' } });
  const callId = form.watch('callId');
  const calls = useQuery(callsQuery());
  const reviewers = useQuery(allReviewersQuery());
  const ideas = useQuery({ ...callIdeasQuery(callId), enabled: Boolean(callId) });
  const record = useMutation({
    mutationFn: (values: Values) =>
      unwrap(api.POST('/api/v1/conflicts', { body: { reviewerId: values.reviewerId, ideaId: values.ideaId, reason: values.reason.trim() } })),
    onSuccess: (conflict) => {
      void queryClient.invalidateQueries({ queryKey: keys.conflicts.all });
      // A conflict declines a held assignment: the call's board and the loads change.
      void queryClient.invalidateQueries({ queryKey: keys.calls.detail(conflict.callId) });
      void queryClient.invalidateQueries({ queryKey: keys.reviewers.all });
      onDone(t('conflicts.recorded', { reviewer: isolate(conflict.reviewer.displayName), idea: isolate(conflict.idea.title) }));
    },
    onError: (error) => applyFieldErrors(errorText, error, form.setError),
  });
  const { errors } = form.formState;
  const submitted = (ideas.data ?? []).filter((idea) => idea.state !== 'draft' && idea.state !== 'withdrawn');
  return (
    <Card title={t('conflicts.record')}>
      <form className="form narrow" noValidate aria-label={t('conflicts.record')} onSubmit={form.handleSubmit((values) => record.mutate(values))}>
        <ProblemAlert error={record.error} />
        <Field label={t('fields.reviewer')} error={errors.reviewerId?.message} required>
          {(control) => (
            <select {...control} {...form.register('reviewerId', { required: errorText.required })}>
              <option value="">{t('fields.choose')}</option>
              {(reviewers.data ?? []).map((reviewer) => (
                <option key={reviewer.id} value={reviewer.id}>
                  {reviewer.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.call')} error={errors.callId?.message} required>
          {(control) => (
            <select {...control} {...form.register('callId', { required: errorText.required, onChange: () => form.setValue('ideaId', '') })}>
              <option value="">{t('fields.choose')}</option>
              {(calls.data?.items ?? []).map((call) => (
                <option key={call.id} value={call.id}>
                  {pick(call.title, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.idea')} error={errors.ideaId?.message} hint={callId ? undefined : t('conflicts.chooseCallFirst')} required>
          {(control) => (
            <select {...control} disabled={!callId} {...form.register('ideaId', { required: errorText.required })}>
              <option value="">{t('fields.choose')}</option>
              {submitted.map((idea) => (
                <option key={idea.id} value={idea.id}>
                  {idea.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.reason')} error={errors.reason?.message} required>
          {(control) => <textarea {...control} rows={3} maxLength={1000} {...form.register('reason', { required: errorText.required })} />}
        </Field>
        <div className="row">
          <Button type="submit" busy={record.isPending}>
            {t('conflicts.recordSubmit')}
          </Button>
          <Button variant="secondary" onClick={() => onDone('')}>
            {t('common:actions.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
