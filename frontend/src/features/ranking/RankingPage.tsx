import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Button } from '@/components/ui/Button';
import { Badge, Card, Page, TableScroll } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { callQuery } from '@/lib/api/calls';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { exportRanking, rankingQuery, type RankingSort } from './api';
import { alphaLevel, fixed } from './format';
import './ranking.css';

type Ranked = Schema<'RankedIdeaView'>;
const SORTS: readonly RankingSort[] = ['calibrated', '-calibrated', 'raw', '-raw', 'spread', '-spread', 'title', '-title'];
const LIMIT = 50;

export function RankingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['ranking', 'common']);
  const { locale } = useLocale();
  const call = useQuery(callQuery(id));
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
  const paging = usePaging('calibrated');
  const sort = SORTS.find((value) => value === paging.sort) ?? 'calibrated';
  const ranking = useQuery(rankingQuery(callId, { sort, limit: LIMIT, offset: paging.offset }));
  const exporter = useMutation(exportRanking(callId, sort));
  const n = (value: number) => formatNumber(value, locale);

  return (
    <div className="stack">
      <div className="ranking-tools">
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
            {view.graph.split ? (
              <div role="alert" className="alert alert--warning">
                <strong>{t('graph.splitTitle', { groups: n(view.graph.groups) })}</strong> {t('graph.splitText')}
              </div>
            ) : null}
            <RankingTable view={view} />
            <p className="muted">
              {t('rules', {
                spread: fixed(view.rules.disagreementSpread, locale, 1),
                places: n(view.rules.rankShiftPlaces),
                shrinkage: formatNumber(view.rules.offsetShrinkage, locale),
              })}
            </p>
            <Agreement view={view} />
            <Offsets reviewers={view.reviewers} />
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The ranking's page: each idea's places, scores, disagreement, criteria means and decision; sorted by its headers. */
export function RankingTable({ view }: { view: Schema<'RankingView'> }) {
  const { t } = useTranslation(['ranking', 'enums']);
  const { locale } = useLocale();
  const n = (value: number | null | undefined) => (value === null || value === undefined ? t('table.noScore') : formatNumber(value, locale));
  const limit = fixed(view.rules.disagreementSpread, locale, 1);
  const columns: Column<Ranked>[] = [
    { key: 'calibratedRank', header: t('table.calibratedRank'), sort: 'calibrated', className: 'num', cell: (idea) => n(idea.calibratedRank) },
    { key: 'rawRank', header: t('table.rawRank'), sort: 'raw', className: 'num', cell: (idea) => n(idea.rawRank) },
    {
      key: 'idea',
      header: t('table.idea'),
      sort: 'title',
      rowHeader: true,
      className: 'ranking__title',
      cell: (idea) => (
        <>
          <bdi>{idea.title}</bdi>
          <br />
          <small className="muted">{t(`enums:IdeaState.${idea.state}`)}</small>
        </>
      ),
    },
    { key: 'calibratedScore', header: t('table.calibratedScore'), className: 'num', cell: (idea) => fixed(idea.calibratedScore, locale, 1) },
    { key: 'rawScore', header: t('table.rawScore'), className: 'num', cell: (idea) => fixed(idea.rawScore, locale, 1) },
    { key: 'spread', header: t('table.spread'), sort: 'spread', firstDirection: 'desc', className: 'num', cell: (idea) => fixed(idea.spread, locale, 1) },
    {
      key: 'flags',
      header: t('table.flags'),
      cell: (idea) => (
        <>
          {idea.disagreement ? (
            <span title={t('table.disagreementHint', { limit })}>
              <Badge tone="warning">{t('table.disagreement')}</Badge>
            </span>
          ) : null}{' '}
          {idea.rankShift ? (
            <span title={t('table.rankShiftHint', { raw: n(idea.rawRank), calibrated: n(idea.calibratedRank) })}>
              <Badge tone="warning">{t('table.rankShift')}</Badge>
            </span>
          ) : null}
        </>
      ),
    },
    { key: 'reviews', header: t('table.reviews'), className: 'num', cell: (idea) => n(idea.reviewCount) },
    ...view.criteria.map(
      (criterion): Column<Ranked> => ({
        key: `criterion-${criterion.key}`,
        header: t('means', { label: pick(criterion.label, locale) }),
        className: 'num',
        cell: (idea) => fixed(idea.criterionMeans.find((m) => m.key === criterion.key)?.mean, locale, 1),
      }),
    ),
    {
      key: 'decision',
      header: t('table.decision'),
      cell: (idea) =>
        idea.decision ? (
          <Badge tone={idea.decision === 'selected' ? 'success' : 'neutral'}>{t(`enums:DecisionOutcome.${idea.decision}`)}</Badge>
        ) : (
          <span className="muted">{t('table.undecided')}</span>
        ),
    },
  ];
  return (
    <PagedTable
      label={t('table.label')}
      columns={columns}
      page={view}
      rowKey={(idea) => idea.ideaId}
      rowClassName={(idea) => (idea.disagreement || idea.rankShift ? 'row--disputed' : undefined)}
      empty={t('table.none')}
      defaultSort="calibrated"
    />
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
  const { agreement, graph } = view;
  const alpha = (value: number | null | undefined) =>
    value === null || value === undefined ? t('agreement.notComputable') : `${fixed(value, locale, 2)} (${t(`agreement.levels.${alphaLevel(value)}`)})`;
  const alphaFigure = (value: number | null | undefined) =>
    value === null || value === undefined ? (
      t('agreement.notComputable')
    ) : (
      <>
        {fixed(value, locale, 2)}
        <small className="figure__note">{t(`agreement.levels.${alphaLevel(value)}`)}</small>
      </>
    );
  return (
    <Card title={t('agreement.title')}>
      <dl className="figures">
        <div>
          <dt>{t('agreement.alpha')}</dt>
          <dd>{alphaFigure(agreement.alpha)}</dd>
        </div>
        <div>
          <dt>{t('agreement.calibratedAlpha')}</dt>
          <dd>{alphaFigure(agreement.calibratedAlpha)}</dd>
        </div>
        <div>
          <dt>{t('agreement.tau')}</dt>
          <dd>{fixed(agreement.rankCorrelation, locale, 2, t('agreement.notComputable'))}</dd>
        </div>
        <div>
          <dt>{t('graph.groups')}</dt>
          <dd>{formatNumber(graph.groups, locale)}</dd>
        </div>
        <div>
          <dt>{t('graph.pairs')}</dt>
          <dd>{formatNumber(graph.jurorPairs, locale)}</dd>
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
      <p className="explain">{t('agreement.tauExplain')}</p>
    </Card>
  );
}

/** How each juror's offset reads: lenient or strict only when it stands clear of its uncertainty (two standard errors). */
export function offsetReading(offset: number, uncertainty: number | null | undefined): 'lenient' | 'strict' | 'average' | 'unknown' {
  if (uncertainty === null || uncertainty === undefined) return 'unknown';
  if (Math.abs(offset) <= 2 * uncertainty) return 'average';
  return offset > 0 ? 'lenient' : 'strict';
}

function Offsets({ reviewers }: { reviewers: Schema<'ReviewerStrictness'>[] }) {
  const { t } = useTranslation(['ranking', 'enums']);
  const { locale } = useLocale();
  if (reviewers.length === 0) return null;
  const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${fixed(Math.abs(value), locale, 1)}`;
  return (
    <section aria-labelledby="offsets-title">
      <h2 id="offsets-title">{t('offsets.title')}</h2>
      <p className="muted">{t('offsets.lead')}</p>
      <TableScroll label={t('offsets.label')}>
        <table className="table">
          <caption className="visually-hidden">{t('offsets.label')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('offsets.reviewer')}</th>
              <th scope="col" className="num">{t('offsets.reviews')}</th>
              <th scope="col" className="num">{t('offsets.mean')}</th>
              <th scope="col" className="num">{t('offsets.spread')}</th>
              <th scope="col" className="num">{t('offsets.offset')}</th>
              <th scope="col" className="num">{t('offsets.uncertainty')}</th>
              <th scope="col">{t('offsets.reading')}</th>
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
                <td className="num">{formatNumber(reviewer.reviewCount, locale)}</td>
                <td className="num">{fixed(reviewer.mean, locale, 1)}</td>
                <td className="num">{fixed(reviewer.spread, locale, 1)}</td>
                <td className="num">
                  <bdi>{signed(reviewer.offset)}</bdi>
                </td>
                <td className="num">
                  {reviewer.offsetUncertainty === null || reviewer.offsetUncertainty === undefined ? (
                    <span className="muted">{t('offsets.unmeasured')}</span>
                  ) : (
                    <bdi>±{fixed(reviewer.offsetUncertainty, locale, 1)}</bdi>
                  )}
                </td>
                <td>{t(`offsets.readings.${offsetReading(reviewer.offset, reviewer.offsetUncertainty)}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
