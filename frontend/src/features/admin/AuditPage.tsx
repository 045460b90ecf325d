import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { DateField } from '@/components/ui/DateField';
import { Field } from '@/components/ui/Field';
import { FilterFold } from '@/components/ui/FilterFold';
import { Page } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { endOfOfficeDay, startOfOfficeDay } from '@/lib/format/dates';
import { auditEntriesQuery, type AuditQuery } from './api';
import './admin.css';

type EventKind = Schema<'EventKind'>;
const PAGE = 50;
/** The kinds the audit trail holds (the server's `AUDITED`), in the order of the select. */
export const AUDIT_KINDS = [
  'account_created',
  'access_changed',
  'password_link_issued',
  'password_set',
  'second_factor_enrolled',
  'second_factor_disabled',
  'second_factor_reset',
  'recovery_codes_renewed',
  'recovery_code_used',
  'export_downloaded',
  'sessions_ended',
  'api_key_issued',
  'api_key_revoked',
  'webhook_endpoint_created',
  'webhook_endpoint_updated',
  'webhook_endpoint_deleted',
  'webhook_secret_rotated',
  'webhook_endpoint_disabled',
] as const satisfies readonly EventKind[];
type AuditKind = (typeof AUDIT_KINDS)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Filters = { actor: string; subject: string; kind: AuditKind | ''; since: string; until: string };

/** The filters as the address holds them (so that a link, such as a user's "events", can open them set). */
export function filtersOf(params: URLSearchParams): Filters {
  const kind = params.get('kind') ?? '';
  return {
    actor: params.get('actor') ?? '',
    subject: params.get('subject') ?? '',
    kind: (AUDIT_KINDS as readonly string[]).includes(kind) ? (kind as AuditKind) : '',
    since: params.get('since') ?? '',
    until: params.get('until') ?? '',
  };
}

/** The API's query for the filters: ids as they are, days as the office's first and last moments (RFC 3339). */
export function auditQuery(filters: Filters, offset: number): AuditQuery {
  return {
    limit: PAGE,
    offset,
    ...(UUID.test(filters.actor) ? { actor: filters.actor } : {}),
    ...(UUID.test(filters.subject) ? { subject: filters.subject } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(DAY.test(filters.since) ? { since: startOfOfficeDay(filters.since) } : {}),
    ...(DAY.test(filters.until) ? { until: endOfOfficeDay(filters.until) } : {}),
  };
}

/** The audit trail for admins: account and access events, newest first, by actor, subject, kind and days. */
export function AuditPage() {
  const { t } = useTranslation(['admin', 'enums', 'common']);
  const [params, setParams] = useSearchParams();
  const applied = filtersOf(params);
  const { offset } = usePaging();
  const entries = useQuery(auditEntriesQuery(auditQuery(applied, offset)));
  const apply = (filters: Filters) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) next.set(key, value);
    setParams(next);
  };
  const columns: Column<Schema<'AuditEntryView'>>[] = [
    { key: 'at', header: t('audit.at') },
    { key: 'kind', header: t('audit.kind') },
    { key: 'actor', header: t('audit.actorColumn') },
    { key: 'subject', header: t('audit.subjectColumn') },
    { key: 'change', header: t('audit.change') },
    { key: 'address', header: t('audit.address') },
  ];
  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <div className="stack">
        <FilterFold active={Object.values(applied).filter(Boolean).length}>
          <AuditFilters key={params.toString()} initial={applied} onApply={(filters) => apply(filters)} />
        </FilterFold>
        <QueryState query={entries}>
          {(page) => (
            <PagedTable
              label={t('audit.tableLabel')}
              caption={t('audit.caption')}
              className="audit"
              columns={columns}
              page={page}
              rowKey={(entry) => entry.id}
              empty={t('audit.none')}
              row={(entry) => <AuditRow entry={entry} filters={applied} />}
            />
          )}
        </QueryState>
      </div>
    </Page>
  );
}

function AuditFilters({ initial, onApply }: { initial: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useTranslation(['admin', 'enums']);
  const [draft, setDraft] = useState<Filters>(initial);
  const [invalid, setInvalid] = useState<{ actor?: boolean; subject?: boolean }>({});
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filters = { ...draft, actor: draft.actor.trim(), subject: draft.subject.trim() };
    const wrong = { actor: filters.actor !== '' && !UUID.test(filters.actor), subject: filters.subject !== '' && !UUID.test(filters.subject) };
    setInvalid(wrong);
    if (!wrong.actor && !wrong.subject) onApply(filters);
  };
  const empty: Filters = { actor: '', subject: '', kind: '', since: '', until: '' };
  return (
    <form role="search" aria-label={t('audit.filters')} className="card audit-filters" noValidate onSubmit={submit}>
      <Field label={t('audit.actor')} hint={t('audit.uuidHint')} error={invalid.actor ? t('audit.notUuid') : undefined}>
        {(control) => <input {...control} dir="ltr" spellCheck={false} value={draft.actor} onChange={(e) => set('actor', e.target.value)} />}
      </Field>
      <Field label={t('audit.subject')} hint={t('audit.uuidHint')} error={invalid.subject ? t('audit.notUuid') : undefined}>
        {(control) => <input {...control} dir="ltr" spellCheck={false} value={draft.subject} onChange={(e) => set('subject', e.target.value)} />}
      </Field>
      <Field label={t('audit.kind')}>
        {(control) => (
          <select {...control} value={draft.kind} onChange={(e) => set('kind', e.target.value as AuditKind | '')}>
            <option value="">{t('audit.allKinds')}</option>
            {AUDIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`enums:EventKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateField label={t('audit.since')} value={draft.since} onChange={(day) => set('since', day)} yearsBefore={5} yearsAfter={0} />
      <DateField label={t('audit.until')} value={draft.until} onChange={(day) => set('until', day)} yearsBefore={5} yearsAfter={0} />
      <div className="row">
        <Button type="submit">{t('audit.apply')}</Button>
        <Button
          variant="quiet"
          onClick={() => {
            setDraft(empty);
            setInvalid({});
            onApply(empty);
          }}
        >
          {t('audit.clear')}
        </Button>
      </div>
    </form>
  );
}

function AuditRow({ entry, filters }: { entry: Schema<'AuditEntryView'>; filters: Filters }) {
  const { t } = useTranslation(['admin', 'enums']);
  const filterLink = (change: Partial<Filters>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...change })) if (value) next.set(key, value);
    return `/admin/audit?${next.toString()}`;
  };
  const actorName = entry.actorName ?? t('audit.system');
  const subjectName = entry.subjectName ?? entry.subjectId;
  return (
    <tr>
      <td>
        <Moment value={entry.at} style="dateTime" />
      </td>
      <td>{t(`enums:EventKind.${entry.kind}`, { defaultValue: entry.kind })}</td>
      <td className="audit__who">
        {entry.actorId ? (
          <Link to={filterLink({ actor: entry.actorId })} aria-label={t('audit.onlyActor', { name: actorName })}>
            <bdi>{actorName}</bdi>
          </Link>
        ) : (
          actorName
        )}
      </td>
      <td className="audit__who">
        <span className="muted">{t(`enums:SubjectKind.${entry.subjectType}`, { defaultValue: entry.subjectType })}</span>{' '}
        <Link to={filterLink({ subject: entry.subjectId })} aria-label={t('audit.onlySubject', { name: subjectName })}>
          <bdi>{subjectName}</bdi>
        </Link>
      </td>
      <td>
        {entry.from || entry.to ? (
          <bdi dir="ltr" className="audit__change">
            {entry.from ?? '∅'} → {entry.to ?? '∅'}
          </bdi>
        ) : null}
      </td>
      <td>{entry.address ? <bdi dir="ltr">{entry.address}</bdi> : null}</td>
    </tr>
  );
}
