import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Badge, Page, TableScroll } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { phaseTone } from './phase';

type CallPhase = Schema<'CallPhase'>;
const PHASES: CallPhase[] = ['upcoming', 'open', 'closed', 'in_review', 'decided'];
const LIMIT = 20;

/** Every call, filtered by phase, with its windows. */
export function CallsListPage() {
  const { t } = useTranslation(['calls', 'enums', 'common']);
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const phaseParam = params.get('phase');
  const phase = PHASES.find((p) => p === phaseParam);
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query = { phase, limit: LIMIT, offset };
  const calls = useQuery({
    queryKey: keys.calls.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query } })),
    placeholderData: keepPreviousData,
  });

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
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{t('list.empty')}</p>
            ) : (
              <>
                <TableScroll label={t('list.tableLabel')}>
                  <table className="table">
                    <caption className="visually-hidden">{t('list.tableLabel')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('list.columns.title')}</th>
                        <th scope="col">{t('list.columns.phase')}</th>
                        <th scope="col">{t('list.columns.window')}</th>
                        <th scope="col">{t('list.columns.review')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((call) => (
                        <tr key={call.id}>
                          <td>
                            <Link to={`/staff/calls/${call.id}`}>{pick(call.title, locale)}</Link>
                          </td>
                          <td>
                            <Badge tone={phaseTone[call.phase]}>{t(`enums:CallPhase.${call.phase}`)}</Badge>
                          </td>
                          <td>
                            <Moment value={call.opensAt} /> – <Moment value={call.closesAt} />
                          </td>
                          <td>
                            <Moment value={call.reviewOpensAt} /> – <Moment value={call.reviewClosesAt} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={(next) => setFilter({ offset: next ? String(next) : undefined })} />
              </>
            )
          }
        </QueryState>
      </div>
    </Page>
  );
}
