import { useTranslation } from 'react-i18next';
import { BarChart } from '@/components/ui/BarChart';
import { Num } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { countryName } from '@/lib/format/countries';
import { useLocale } from '@/lib/i18n/useLocale';
import { countsToData, dailyData, total } from './charts';
import './stats.css';

type Props = {
  stats: Schema<'CallStatsView'>;
  /** Staff also see every idea by state, by the submitter's occupation, and screening progress. */
  staff?: boolean;
};

/** A call's statistics as figures and bar charts. */
export function StatsCharts({ stats, staff = false }: Props) {
  const { t } = useTranslation(['stats', 'enums']);
  const { locale } = useLocale();
  const collator = new Intl.Collator(locale);
  const valueLabel = t('ideas');
  const domains = countsToData(stats.byDomain, (key) => t(`enums:Domain.${key}` as 'enums:Domain.other', { defaultValue: key }), collator);
  const countries = countsToData(stats.byTargetCountry, (key) => countryName(key, locale), collator);
  const days = dailyData(stats.byDay, locale);
  const states = countsToData(stats.byState, (key) => t(`enums:IdeaState.${key}` as 'enums:IdeaState.draft', { defaultValue: key }), collator);
  const categories = countsToData(
    stats.bySubmitterCategory,
    (key) =>
      key === 'unknown'
        ? t('unknownCategory')
        : t(`enums:OccupationCategory.${key}` as 'enums:OccupationCategory.other', { defaultValue: key }),
    collator,
  );

  return (
    <div className="stack">
      <section aria-labelledby="stats-totals">
        <h2 id="stats-totals" className="visually-hidden">
          {t('totals')}
        </h2>
        <dl className="figures">
          <div>
            <dt>{t('submitted')}</dt>
            <dd>
              <Num value={stats.submitted} />
            </dd>
          </div>
          <div>
            <dt>{t('countries')}</dt>
            <dd>
              <Num value={stats.byTargetCountry.length} />
            </dd>
          </div>
          <div>
            <dt>{t('domains')}</dt>
            <dd>
              <Num value={stats.byDomain.length} />
            </dd>
          </div>
          <div>
            <dt>{t('days')}</dt>
            <dd>
              <Num value={stats.byDay.length} />
            </dd>
          </div>
          {staff ? (
            <>
              <div>
                <dt>{t('allIdeas')}</dt>
                <dd>
                  <Num value={total(stats.byState)} />
                </dd>
              </div>
              {stats.progress ? (
                <>
                  <div>
                    <dt>{t('awaitingScreening')}</dt>
                    <dd>
                      <Num value={stats.progress.awaitingScreening} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('screened')}</dt>
                    <dd>
                      <Num value={stats.progress.screened} />
                    </dd>
                  </div>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
      </section>
      {stats.submitted === 0 && !staff ? (
        <p className="alert alert--info">{t('noIdeas')}</p>
      ) : (
        <div className="stats-charts">
          {staff ? <BarChart title={t('byState')} data={states} valueLabel={valueLabel} /> : null}
          <BarChart title={t('byDomain')} data={domains} valueLabel={valueLabel} />
          <BarChart title={t('byCountry')} data={countries} valueLabel={valueLabel} />
          {staff ? <BarChart title={t('byCategory')} data={categories} valueLabel={valueLabel} /> : null}
          <div className="stats-charts__wide">
            <BarChart title={t('byDay')} data={days} valueLabel={valueLabel} layout="vertical" />
          </div>
        </div>
      )}
    </div>
  );
}
