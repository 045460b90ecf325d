import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Badge, Card, Page } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { allCallIdeasQuery, allReviewersQuery, conflictsQuery, pickerCallsQuery, recordConflict } from './api';
import { isolate } from './options';
import './jury.css';

const LIMIT = 20;
type Values = { callId: string; ideaId: string; reviewerId: string; reason: string };

export function ConflictsPage() {
  const { t } = useTranslation(['jury', 'enums', 'common']);
  const { locale } = useLocale();
  const [filters, setFilters] = useState({ callId: '', reviewerId: '' });
  const paging = usePaging();
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const calls = useQuery(pickerCallsQuery());
  const reviewers = useQuery(allReviewersQuery());
  const params = { callId: filters.callId || undefined, reviewerId: filters.reviewerId || undefined, limit: LIMIT, offset: paging.offset };
  const conflicts = useQuery(conflictsQuery(params));
  const columns: Column<Schema<'ConflictView'>>[] = [
    { key: 'reviewer', header: t('conflicts.columns.reviewer'), rowHeader: true, cell: (conflict) => conflict.reviewer.displayName },
    { key: 'idea', header: t('conflicts.columns.idea'), cell: (conflict) => conflict.idea.title },
    { key: 'reason', header: t('conflicts.columns.reason'), cell: (conflict) => conflict.reason },
    {
      key: 'source',
      header: t('conflicts.columns.source'),
      cell: (conflict) => <Badge tone={conflict.source === 'reviewer' ? 'info' : 'neutral'}>{t(`enums:ConflictSource.${conflict.source}`)}</Badge>,
    },
    { key: 'at', header: t('conflicts.columns.at'), cell: (conflict) => <Moment value={conflict.createdAt} style="dateTime" /> },
  ];

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
                paging.firstPage();
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
                paging.firstPage();
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
          {(page) => <PagedTable label={t('conflicts.tableLabel')} columns={columns} page={page} rowKey={(conflict) => conflict.id} empty={t('conflicts.none')} />}
        </QueryState>
      </div>
    </Page>
  );
}

function RecordConflict({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation(['jury', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const form = useForm<Values>({ defaultValues: { callId: '', ideaId: '', reviewerId: '', reason: '' } });
  const callId = useWatch({ control: form.control, name: 'callId' });
  const calls = useQuery(pickerCallsQuery());
  const reviewers = useQuery(allReviewersQuery());
  const ideas = useQuery({ ...allCallIdeasQuery(callId), enabled: Boolean(callId) });
  const record = useMutation(recordConflict());
  const submit = (values: Values) =>
    record.mutate(
      { reviewerId: values.reviewerId, ideaId: values.ideaId, reason: values.reason.trim() },
      {
        onSuccess: (conflict) =>
          onDone(t('conflicts.recorded', { reviewer: isolate(conflict.reviewer.displayName), idea: isolate(conflict.idea.title) })),
        onError: (error) => applyFieldErrors(errorText, error, form.setError),
      },
    );
  const { errors } = form.formState;
  // state-ok: the picker offers the ideas in the process (no drafts, none withdrawn); the server records a conflict
  // with any idea and its views carry no action for it yet.
  const submitted = (ideas.data ?? []).filter((idea) => idea.state !== 'draft' && idea.state !== 'withdrawn');
  return (
    <Card title={t('conflicts.record')}>
      <form className="form narrow" noValidate aria-label={t('conflicts.record')} onSubmit={form.handleSubmit(submit)}>
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
