import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Button } from '@/components/ui/Button';
import { Badge, Card, Page, TableScroll } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { api, unwrap } from '@/lib/api/client';
import { toProblem } from '@/lib/api/problem';
import { keys } from '@/lib/api/queryKeys';
import type { paths, Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { fileNameOf, saveBlob } from './download';
import { alphaLevel, fixed } from './format';
import './ranking.css';

type Sort = 'calibrated' | 'raw' | '-spread';
type Format = NonNullable<NonNullable<paths['/api/v1/calls/{callId}/ranking/export']['get']['parameters']['query']>['format']>;
const SORTS: Sort[] = ['calibrated', 'raw', '-spread'];
const sortLabel = { calibrated: 'sort.calibrated', raw: 'sort.raw', '-spread': 'sort.spread' } as const;
const LIMIT = 50;

export function RankingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['ranking', 'common']);
  const { locale } = useLocale();
  const call = useQuery({
    queryKey: keys.calls.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })),
  });
  return (
    <Page title={call.data ? t('titleOf', { call: pick(call.data.title, locale) }) : t('title')} lead={t('lead')}>
      <CallTabs callId={id} />
      <Ranking callId={id} />
    </Page>
  );
}

export function Ranking({ callId }: { callId: string }) {
  const { t } = useTranslation(['ranking', 'enums', 'common']);
  const { locale } = useLocale();
  const [sort, setSort] = useState<Sort>('calibrated');
  const [offset, setOffset] = useState(0);
  const params = { sort, limit: LIMIT, offset };
  const ranking = useQuery({
    queryKey: keys.calls.ranking(callId, params),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{callId}/ranking', { params: { path: { callId }, query: params } })),
    placeholderData: keepPreviousData,
  });
  const exporter = useMutation({
    mutationFn: async (format: Format) => {
      const { data, error, response } = await api.GET('/api/v1/calls/{callId}/ranking/export', {
        params: { path: { callId }, query: { format, sort } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw toProblem(error, response);
      saveBlob(data as unknown as Blob, fileNameOf(response.headers.get('Content-Disposition'), `ranking-${callId}.${format}`));
    },
  });
  const n = (value: number) => formatNumber(value, locale);

  return (
    <div className="stack">
      <div className="ranking-tools">
        <fieldset className="segmented">
          <legend>{t('sort.label')}</legend>
          {SORTS.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="ranking-sort"
                value={value}
                checked={sort === value}
                onChange={() => {
                  setSort(value);
                  setOffset(0);
                }}
              />
              {t(sortLabel[value])}
            </label>
          ))}
        </fieldset>
        <div className="row" role="group" aria-label={t('export.label')}>
          <Button variant="secondary" busy={exporter.isPending && exporter.variables === 'csv'} onClick={() => exporter.mutate('csv')}>
            {t('export.csv')}
          </Button>
          <Button variant="secondary" busy={exporter.isPending && exporter.variables === 'xlsx'} onClick={() => exporter.mutate('xlsx')}>
            {t('export.xlsx')}
          </Button>
        </div>
      </div>
      <ProblemAlert error={exporter.error} />
      {exporter.isSuccess ? <Notice>{t('export.done')}</Notice> : null}

      <QueryState query={ranking}>
        {(view) => (
          <>
            <Progress progress={view.progress} />
            {view.items.length === 0 ? (
              <p className="muted">{t('table.none')}</p>
            ) : (
              <>
                <RankingTable view={view} />
                <Pagination total={view.total} limit={view.limit} offset={view.offset} onChange={setOffset} />
              </>
            )}
            <p className="muted">
              {t('rules', { spread: fixed(view.rules.disagreementSpread, locale, 1), min: n(view.rules.minReviewsForCalibration) })}
            </p>
            <Agreement view={view} />
            <Strictness reviewers={view.reviewers} />
          </>
        )}
      </QueryState>
    </div>
  );
}

export function RankingTable({ view }: { view: Schema<'RankingView'> }) {
  const { t } = useTranslation(['ranking', 'enums']);
  const { locale } = useLocale();
  const n = (value: number | null | undefined) => (value === null || value === undefined ? t('table.noScore') : formatNumber(value, locale));
  const limit = fixed(view.rules.disagreementSpread, locale, 1);
  return (
    <TableScroll label={t('table.label')}>
      <table className="table">
        <caption className="visually-hidden">{t('table.label')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('table.calibratedRank')}</th>
            <th scope="col" className="num">{t('table.rawRank')}</th>
            <th scope="col">{t('table.idea')}</th>
            <th scope="col" className="num">{t('table.calibratedScore')}</th>
            <th scope="col" className="num">{t('table.rawScore')}</th>
            <th scope="col" className="num">{t('table.spread')}</th>
            <th scope="col">{t('table.disagreement')}</th>
            <th scope="col" className="num">{t('table.reviews')}</th>
            {view.criteria.map((criterion) => (
              <th key={criterion.key} scope="col" className="num">
                {t('means', { label: pick(criterion.label, locale) })}
              </th>
            ))}
            <th scope="col">{t('table.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {view.items.map((idea) => (
            <tr key={idea.ideaId} className={idea.disagreement ? 'row--disputed' : undefined}>
              <td className="num">{n(idea.calibratedRank)}</td>
              <td className="num">{n(idea.rawRank)}</td>
              <th scope="row" className="ranking__title">
                <bdi>{idea.title}</bdi>
                <br />
                <small className="muted">{t(`enums:IdeaState.${idea.state}`)}</small>
              </th>
              <td className="num">{fixed(idea.calibratedScore, locale, 2)}</td>
              <td className="num">{fixed(idea.rawScore, locale, 1)}</td>
              <td className="num">{fixed(idea.spread, locale, 1)}</td>
              <td>
                {idea.disagreement ? (
                  <span title={t('table.disagreementHint', { limit })}>
                    <Badge tone="warning">{t('table.disagreement')}</Badge>
                  </span>
                ) : null}
              </td>
              <td className="num">{n(idea.reviewCount)}</td>
              {view.criteria.map((criterion) => {
                const mean = idea.criterionMeans.find((m) => m.key === criterion.key)?.mean;
                return (
                  <td key={criterion.key} className="num">
                    {fixed(mean, locale, 1)}
                  </td>
                );
              })}
              <td>
                {idea.decision ? (
                  <Badge tone={idea.decision === 'selected' ? 'success' : 'neutral'}>{t(`enums:DecisionOutcome.${idea.decision}`)}</Badge>
                ) : (
                  <span className="muted">{t('table.undecided')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Progress({ progress }: { progress: Schema<'RankingProgress'> }) {
  const { t } = useTranslation('ranking');
  const { locale } = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t('progress.title')}</h2>
      <p>{t('progress.share', { done: n(progress.submitted), all: n(progress.assignments) })}</p>
      <progress className="ranking__progress" max={Math.max(progress.assignments, 1)} value={progress.submitted} aria-labelledby="progress-title" />
      <dl className="figures figures--small">
        <div>
          <dt>{t('progress.ideas')}</dt>
          <dd>{n(progress.ideas)}</dd>
        </div>
        <div>
          <dt>{t('progress.assignments')}</dt>
          <dd>{n(progress.assignments)}</dd>
        </div>
        <div>
          <dt>{t('progress.submitted')}</dt>
          <dd>{n(progress.submitted)}</dd>
        </div>
        <div>
          <dt>{t('progress.pending')}</dt>
          <dd>{n(progress.pending)}</dd>
        </div>
        {progress.reviewsToRescore > 0 ? (
          <div>
            <dt>{t('progress.toRescore')}</dt>
            <dd>{n(progress.reviewsToRescore)}</dd>
          </div>
        ) : null}
      </dl>
      {progress.reviewsToRescore > 0 ? <p className="muted">{t('progress.toRescoreHint')}</p> : null}
    </section>
  );
}

function Agreement({ view }: { view: Schema<'RankingView'> }) {
  const { t } = useTranslation('ranking');
  const { locale } = useLocale();
  const { agreement } = view;
  const alpha = (value: number | null | undefined) =>
    value === null || value === undefined ? t('agreement.notComputable') : `${fixed(value, locale, 2)} (${t(`agreement.levels.${alphaLevel(value)}`)})`;
  return (
    <Card title={t('agreement.title')}>
      <dl className="figures">
        <div>
          <dt>{t('agreement.alpha')}</dt>
          <dd>
            {agreement.alpha === null || agreement.alpha === undefined ? (
              t('agreement.notComputable')
            ) : (
              <>
                {fixed(agreement.alpha, locale, 2)}
                <small className="figure__note">{t(`agreement.levels.${alphaLevel(agreement.alpha)}`)}</small>
              </>
            )}
          </dd>
        </div>
      </dl>
      <p className="muted">
        {t('agreement.basis', { units: formatNumber(agreement.units, locale), values: formatNumber(agreement.pairableValues, locale) })}
      </p>
      {agreement.byCriterion.length ? (
        <TableScroll label={t('agreement.perCriterion')}>
          <table className="table">
            <caption className="visually-hidden">{t('agreement.perCriterion')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreement.criterion')}</th>
                <th scope="col">{t('agreement.value')}</th>
              </tr>
            </thead>
            <tbody>
              {agreement.byCriterion.map((criterion) => {
                const label = view.criteria.find((c) => c.key === criterion.key)?.label;
                return (
                  <tr key={criterion.key}>
                    <th scope="row">{label ? pick(label, locale) : criterion.key}</th>
                    <td>{alpha(criterion.alpha)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <p className="explain">{t('agreement.explain')}</p>
    </Card>
  );
}

function Strictness({ reviewers }: { reviewers: Schema<'ReviewerStrictness'>[] }) {
  const { t } = useTranslation(['ranking', 'enums']);
  const { locale } = useLocale();
  if (reviewers.length === 0) return null;
  return (
    <section aria-labelledby="strictness-title">
      <h2 id="strictness-title">{t('strictness.title')}</h2>
      <TableScroll label={t('strictness.label')}>
        <table className="table">
          <caption className="visually-hidden">{t('strictness.label')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('strictness.reviewer')}</th>
              <th scope="col" className="num">{t('strictness.mean')}</th>
              <th scope="col" className="num">{t('strictness.spread')}</th>
              <th scope="col" className="num">{t('strictness.reviews')}</th>
              <th scope="col">{t('strictness.calibration')}</th>
            </tr>
          </thead>
          <tbody>
            {reviewers.map((reviewer) => (
              <tr key={reviewer.reviewerId}>
                <th scope="row">
                  {reviewer.displayName}
                  {reviewer.organisation ? (
                    <>
                      <br />
                      <small className="muted">{t(`enums:Organisation.${reviewer.organisation}`)}</small>
                    </>
                  ) : null}
                </th>
                <td className="num">{fixed(reviewer.mean, locale, 1)}</td>
                <td className="num">{fixed(reviewer.spread, locale, 1)}</td>
                <td className="num">{formatNumber(reviewer.reviewCount, locale)}</td>
                <td>{t(reviewer.calibratedAlone ? 'strictness.alone' : 'strictness.jury')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
