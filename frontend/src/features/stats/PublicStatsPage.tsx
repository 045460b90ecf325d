import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Field } from '@/components/ui/Field';
import { Page } from '@/components/ui/Page';
import { QueryState } from '@/components/ui/QueryState';
import { callStatsQuery, callsQuery } from '@/lib/api/calls';
import type { Schema } from '@/lib/api/types';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { StatsCharts } from './StatsCharts';

type Call = Schema<'CallView'>;

/** The call shown first: the latest open or decided one (the list comes latest opening first), else the latest. */
export function defaultCall(calls: Call[]): Call | undefined {
  // state-ok: display only, which call's figures are shown first.
  return calls.find((call) => call.phase === 'open' || call.phase === 'decided') ?? calls[0];
}

export function PublicStatsPage() {
  const { t } = useTranslation('stats');
  const [params, setParams] = useSearchParams();
  const calls = useQuery(callsQuery({ limit: 100 }));
  return (
    <Page title={t('title')} lead={t('lead')}>
      <QueryState query={calls}>
        {(page) => {
          if (page.items.length === 0) return <p className="alert alert--info">{t('noCalls')}</p>;
          const chosen = page.items.find((call) => call.id === params.get('call')) ?? defaultCall(page.items);
          if (!chosen) return null;
          return (
            <div className="stack">
              <CallPicker calls={page.items} chosen={chosen} onChange={(id) => setParams({ call: id }, { replace: true })} />
              <CallStats call={chosen} />
            </div>
          );
        }}
      </QueryState>
    </Page>
  );
}

function CallPicker({ calls, chosen, onChange }: { calls: Call[]; chosen: Call; onChange: (id: string) => void }) {
  const { t } = useTranslation(['stats', 'enums']);
  const { locale } = useLocale();
  return (
    <div className="stats-picker">
      <Field label={t('chooseCall')}>
        {(control) => (
          <select {...control} value={chosen.id} onChange={(event) => onChange(event.target.value)}>
            {calls.map((call) => (
              <option key={call.id} value={call.id}>
                {pick(call.title, locale)} ({t(`enums:CallPhase.${call.phase}`)})
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

function CallStats({ call }: { call: Call }) {
  const { t } = useTranslation(['stats', 'enums']);
  const { locale } = useLocale();
  const stats = useQuery(callStatsQuery(call.id));
  return (
    <section className="stack" aria-labelledby="stats-call">
      <div>
        <h2 id="stats-call">{pick(call.title, locale)}</h2>
        <p className="muted">{t('phase', { phase: t(`enums:CallPhase.${call.phase}`) })}</p>
      </div>
      <QueryState query={stats}>{(data) => <StatsCharts stats={data} />}</QueryState>
    </section>
  );
}
