import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Button } from '@/components/ui/Button';
import { Badge, Card, Page } from '@/components/ui/Page';
import { PagedTable, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { callQuery } from '@/lib/api/calls';
import { useErrorText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { decisionsQuery, publishDecisions, saveDecisions, wholeRankingQuery } from './api';
import './ranking.css';

type Outcome = Schema<'DecisionOutcome'>;
type Ranked = Schema<'RankedIdeaView'>;
type Draft = { outcome: Outcome | null; note: string };
/** Whether staff may record a decision on the idea now: the server says so (with the jury, decisions unpublished). */
const decidable = (idea: Ranked) => idea.allowedActions.includes('decide');

export function DecisionsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['ranking', 'common']);
  const { locale } = useLocale();
  const call = useQuery(callQuery(id));
  return (
    <Page title={call.data ? t('decisions.titleOf', { call: pick(call.data.title, locale) }) : t('decisions.title')} lead={t('decisions.lead')}>
      <CallTabs callId={id} />
      <QueryState query={call}>{(loaded) => <Decisions call={loaded} />}</QueryState>
    </Page>
  );
}

function Decisions({ call }: { call: Schema<'CallView'> }) {
  const { t } = useTranslation(['ranking', 'enums', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const decisions = useQuery(decisionsQuery(call.id));
  const ranked = useQuery(wholeRankingQuery(call.id));
  const allowed = call.allowedActions ?? [];
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLElement>(null);
  const n = (value: number) => formatNumber(value, locale);

  const recorded = new Map((decisions.data?.items ?? []).map((decision) => [decision.ideaId, decision]));
  const ideas = ranked.data ?? [];
  const valueOf = (ideaId: string): Draft => {
    const decision = recorded.get(ideaId);
    return drafts[ideaId] ?? { outcome: decision?.outcome ?? null, note: decision?.note ?? '' };
  };
  const change = (ideaId: string, patch: Partial<Draft>) => setDrafts((current) => ({ ...current, [ideaId]: { ...valueOf(ideaId), ...patch } }));
  const changed = ideas.filter((idea) => {
    const draft = drafts[idea.ideaId];
    if (!draft?.outcome) return false;
    const decision = recorded.get(idea.ideaId);
    return draft.outcome !== decision?.outcome || draft.note.trim() !== (decision?.note ?? '');
  });

  const save = useMutation(saveDecisions(call.id));
  const publish = useMutation(publishDecisions(call.id));

  // A 422 of the bulk request points at /items/<n>/…: show it on that idea's row.
  const sent = save.variables ?? [];
  const rowErrors = new Map<string, string>();
  if (save.error instanceof ApiProblem) {
    for (const [path, field] of Object.entries(save.error.fieldErrors)) {
      const index = /^items\.(\d+)/.exec(path)?.[1];
      const item = index === undefined ? undefined : sent[Number(index)];
      if (item) rowErrors.set(item.ideaId, errorText.field(field.code, field.message));
    }
  }

  const published = call.decisionsPublishedAt ?? null;
  const counts = decisions.data?.counts;
  // The decisions carry their ideas' titles: those on ideas the table lists are named in the confirmation, and
  // those on ideas no longer with the jury (their screening reopened) are listed apart, as they will not be published.
  const listed = new Set(ideas.map((idea) => idea.ideaId));
  const recordedItems = decisions.data?.items ?? [];
  const elsewhere = ranked.isSuccess ? recordedItems.filter((decision) => !listed.has(decision.ideaId)) : [];
  const toSelect = recordedItems.filter((decision) => decision.outcome === 'selected' && listed.has(decision.ideaId));
  const columns: Column<Ranked>[] = [
    {
      key: 'rank',
      header: t('decisions.rank'),
      className: 'num',
      cell: (idea) => (idea.calibratedRank === null || idea.calibratedRank === undefined ? '—' : n(idea.calibratedRank)),
    },
    {
      key: 'idea',
      header: t('decisions.idea'),
      rowHeader: true,
      className: 'ranking__title',
      cell: (idea) => {
        const error = rowErrors.get(idea.ideaId);
        return (
          <>
            <bdi>{idea.title}</bdi>
            <br />
            <small className="muted">{t(`enums:IdeaState.${idea.state}`)}</small>
            {error ? <p className="field__error">{error}</p> : null}
          </>
        );
      },
    },
    {
      key: 'outcome',
      header: t('decisions.outcome'),
      cell: (idea) => {
        const value = valueOf(idea.ideaId);
        const decision = recorded.get(idea.ideaId);
        return (
          <>
            {decidable(idea) ? (
              <fieldset className="decision-choice">
                <legend className="visually-hidden">{t('decisions.outcomeFor', { idea: idea.title })}</legend>
                {(['selected', 'not_selected'] as const).map((outcome) => (
                  <label key={outcome}>
                    <input
                      type="radio"
                      name={`outcome-${idea.ideaId}`}
                      value={outcome}
                      checked={value.outcome === outcome}
                      onChange={() => change(idea.ideaId, { outcome })}
                    />
                    {t(`enums:DecisionOutcome.${outcome}`)}
                  </label>
                ))}
              </fieldset>
            ) : decision ? (
              <Badge tone={decision.outcome === 'selected' ? 'success' : 'neutral'}>{t(`enums:DecisionOutcome.${decision.outcome}`)}</Badge>
            ) : (
              <span className="muted">{published ? t('decisions.none') : t('decisions.notYet')}</span>
            )}
            {decidable(idea) && decision && drafts[idea.ideaId] ? (
              <small className="muted">{t('decisions.current', { outcome: t(`enums:DecisionOutcome.${decision.outcome}`) })}</small>
            ) : null}
          </>
        );
      },
    },
    {
      key: 'note',
      header: t('decisions.note'),
      cell: (idea) =>
        decidable(idea) ? (
          <input
            className="decision-note"
            aria-label={t('decisions.noteFor', { idea: idea.title })}
            maxLength={2000}
            value={valueOf(idea.ideaId).note}
            onChange={(event) => change(idea.ideaId, { note: event.target.value })}
          />
        ) : (
          <span>{recorded.get(idea.ideaId)?.note ?? ''}</span>
        ),
    },
  ];

  return (
    <div className="stack">
      {published ? (
        <Notice>
          {t('decisions.published')} {t('decisions.publishedAt')}: <Moment value={published} style="dateTime" />
        </Notice>
      ) : null}
      {notice ? <Notice>{notice}</Notice> : null}

      {counts ? (
        <section aria-labelledby="tally-title">
          <h2 id="tally-title">{t('decisions.tally')}</h2>
          <dl className="figures">
            <div>
              <dt>{t('decisions.selected')}</dt>
              <dd>{n(counts.selected)}</dd>
            </div>
            <div>
              <dt>{t('decisions.notSelected')}</dt>
              <dd>{n(counts.notSelected)}</dd>
            </div>
            <div>
              <dt>{t('decisions.undecided')}</dt>
              <dd>{n(counts.undecided)}</dd>
            </div>
          </dl>
          {published ? null : counts.undecided > 0 ? (
            <p className="alert alert--info">{t('decisions.missing', { n: n(counts.undecided) })}</p>
          ) : (
            <p className="alert alert--success">{t('decisions.complete')}</p>
          )}
        </section>
      ) : null}

      <QueryState query={ranked}>
        {() => (
          <form
            className="stack"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (changed.length === 0) {
                setNotice(t('decisions.nothingChanged'));
                return;
              }
              save.mutate(
                changed.map((idea) => {
                  const draft = valueOf(idea.ideaId);
                  return { ideaId: idea.ideaId, outcome: draft.outcome as Outcome, note: draft.note.trim() || null };
                }),
                {
                  onSuccess: (result) => {
                    setDrafts({});
                    setNotice(t('decisions.saved', { n: n(result.items.length) }));
                  },
                },
              );
            }}
          >
            <ProblemAlert error={save.error} />
            <PagedTable
              label={t('decisions.tableLabel')}
              columns={columns}
              page={{ items: ideas, total: ideas.length, limit: ideas.length, offset: 0 }}
              rowKey={(idea) => idea.ideaId}
              empty={t('table.none')}
              unpaged
            />
            {allowed.includes('record_decisions') ? (
              <div className="row">
                <Button type="submit" busy={save.isPending}>
                  {t('decisions.save')}
                </Button>
                <Button
                  variant="secondary"
                  title={t('decisions.restNotSelectedHint')}
                  onClick={() =>
                    setDrafts((current) => {
                      const next = { ...current };
                      for (const idea of ideas) {
                        if (decidable(idea) && !valueOf(idea.ideaId).outcome) next[idea.ideaId] = { outcome: 'not_selected', note: '' };
                      }
                      return next;
                    })
                  }
                >
                  {t('decisions.restNotSelected')}
                </Button>
              </div>
            ) : null}
          </form>
        )}
      </QueryState>

      {elsewhere.length ? (
        <section aria-labelledby="elsewhere-title" className="stack">
          <h2 id="elsewhere-title">{t('decisions.elsewhere')}</h2>
          <p className="muted">{t('decisions.elsewhereLead')}</p>
          <ul aria-labelledby="elsewhere-title">
            {elsewhere.map((decision) => (
              <li key={decision.ideaId}>
                <bdi>{decision.ideaTitle}</bdi>:{' '}
                <Badge tone={decision.outcome === 'selected' ? 'success' : 'neutral'}>{t(`enums:DecisionOutcome.${decision.outcome}`)}</Badge>{' '}
                <span className="muted">
                  {decision.decidedBy ? <>{t('decisions.decidedBy', { name: decision.decidedBy.displayName })}, </> : null}
                  <Moment value={decision.decidedAt} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {allowed.includes('publish_decisions') ? (
        <Card title={t('decisions.publish')}>
          <ProblemAlert error={publish.error} />
          {confirming ? (
            <section ref={confirmRef} tabIndex={-1} className="card confirm stack" aria-labelledby="confirm-title">
              <h3 id="confirm-title">{t('decisions.confirmTitle')}</h3>
              {changed.length > 0 ? <p className="alert alert--error">{t('decisions.unsaved')}</p> : null}
              <p>{t('decisions.confirmText', { selected: n(counts?.selected ?? 0), notSelected: n(counts?.notSelected ?? 0) })}</p>
              {toSelect.length ? (
                <>
                  <p id="confirm-selected">{t('decisions.confirmSelected')}</p>
                  <ul aria-labelledby="confirm-selected">
                    {toSelect.map((decision) => (
                      <li key={decision.ideaId}>
                        <bdi>{decision.ideaTitle}</bdi>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <div className="row">
                <Button
                  variant="danger"
                  busy={publish.isPending}
                  disabled={changed.length > 0}
                  onClick={() =>
                    publish.mutate(undefined, {
                      onSuccess: () => {
                        setConfirming(false);
                        setNotice(null);
                      },
                    })
                  }
                >
                  {t('decisions.confirm')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('common:actions.cancel')}
                </Button>
              </div>
            </section>
          ) : (
            <Button
              onClick={() => {
                publish.reset();
                setConfirming(true);
                window.requestAnimationFrame(() => confirmRef.current?.focus());
              }}
            >
              {t('decisions.publish')}
            </Button>
          )}
        </Card>
      ) : null}
    </div>
  );
}
