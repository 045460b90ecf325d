import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Badge, Page } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { callsQuery, type CallsQuery } from '@/lib/api/calls';
import type { Schema } from '@/lib/api/types';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { phaseTone } from './phase';

type CallPhase = Schema<'CallPhase'>;
const PHASES: CallPhase[] = ['upcoming', 'open', 'closed', 'in_review', 'decided'];
const LIMIT = 20;
type Sort = NonNullable<CallsQuery['sort']>;
/** The orders the table's headings offer (the API also sorts by `reviewClosesAt` and `createdAt`). */
const SORTS: readonly Sort[] = ['opensAt', '-opensAt', 'closesAt', '-closesAt', 'reviewOpensAt', '-reviewOpensAt'];
const DEFAULT_SORT: Sort = '-opensAt';

/** Every call, filtered by phase, with its windows. */
export function CallsListPage() {
  const { t } = useTranslation(['calls', 'enums', 'common']);
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const phaseParam = params.get('phase');
  const phase = PHASES.find((p) => p === phaseParam);
  const paging = usePaging(DEFAULT_SORT);
  const offset = paging.offset;
  // The API's default order is left out of the address and the request alike.
  const sort = SORTS.find((value) => value === paging.sort && value !== DEFAULT_SORT);
  const calls = useQuery({ ...callsQuery({ phase, sort, limit: LIMIT, offset }), placeholderData: keepPreviousData });
  const columns: Column<Schema<'CallView'>>[] = [
    { key: 'title', header: t('list.columns.title'), cell: (call) => <Link to={`/staff/calls/${call.id}`}>{pick(call.title, locale)}</Link> },
    { key: 'phase', header: t('list.columns.phase'), cell: (call) => <Badge tone={phaseTone[call.phase]}>{t(`enums:CallPhase.${call.phase}`)}</Badge> },
    { key: 'opens', header: t('list.columns.opens'), sort: 'opensAt', firstDirection: 'desc', cell: (call) => <Moment value={call.opensAt} /> },
    { key: 'closes', header: t('list.columns.closes'), sort: 'closesAt', firstDirection: 'desc', cell: (call) => <Moment value={call.closesAt} /> },
    {
      key: 'review',
      header: t('list.columns.review'),
      sort: 'reviewOpensAt',
      firstDirection: 'desc',
      cell: (call) => (
        <>
          <Moment value={call.reviewOpensAt} /> – <Moment value={call.reviewClosesAt} />
        </>
      ),
    },
  ];

  const setFilter = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged, { replace: true });
  };

  return (
    <Page
      title={t('title')}
      lead={t('list.lead')}
      actions={
        <Link className="button button--primary" to="/staff/calls/new">
          {t('list.create')}
        </Link>
      }
    >
      <div className="stack">
        <div className="row">
          <div className="field">
            <label className="field__label" htmlFor="calls-phase">
              {t('list.phaseFilter')}
            </label>
            <select id="calls-phase" value={phase ?? ''} onChange={(e) => setFilter({ phase: e.target.value || undefined, offset: undefined })}>
              <option value="">{t('list.allPhases')}</option>
              {PHASES.map((p) => (
                <option key={p} value={p}>
                  {t(`enums:CallPhase.${p}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <QueryState query={calls}>
          {(page) => (
            <PagedTable label={t('list.tableLabel')} columns={columns} page={page} rowKey={(call) => call.id} empty={t('list.empty')} defaultSort={DEFAULT_SORT} />
          )}
        </QueryState>
      </div>
    </Page>
  );
}
