import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Button } from '@/components/ui/Button';
import { Badge, Card, Page, TableScroll } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { api, unwrap } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import { useErrorText } from '@/lib/api/messages';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import './ranking.css';

type Outcome = Schema<'DecisionOutcome'>;
type Ranked = Schema<'RankedIdeaView'>;
type Draft = { outcome: Outcome | null; note: string };
const PAGE = 100;
/** Only ideas in review or reviewed can be decided; a shortlisted one waits for its reviewers. */
const DECIDABLE: ReadonlyArray<Schema<'IdeaState'>> = ['in_review', 'reviewed'];

/** Every idea that reached the jury, in calibrated order: the ranking, page after page. */
async function allRanked(callId: string): Promise<Ranked[]> {
  const items: Ranked[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await unwrap(
      api.GET('/api/v1/calls/{callId}/ranking', { params: { path: { callId }, query: { sort: 'calibrated', limit: PAGE, offset } } }),
    );
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

export function DecisionsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['ranking', 'common']);
  const { locale } = useLocale();
  const call = useQuery({
    queryKey: keys.calls.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })),
  });
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
  const queryClient = useQueryClient();
  const decisions = useQuery({
    queryKey: keys.calls.decisions(call.id),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{callId}/decisions', { params: { path: { callId: call.id } } })),
  });
  const ranked = useQuery({ queryKey: keys.calls.ranking(call.id, { all: true }), queryFn: () => allRanked(call.id) });
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

  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.calls.detail(call.id) });
  const save = useMutation({
    mutationFn: (items: Schema<'BulkDecisionItem'>[]) =>
      unwrap(api.POST('/api/v1/calls/{callId}/decisions', { params: { path: { callId: call.id } }, body: { items } })),
    onSuccess: (result) => {
      setDrafts({});
      setNotice(t('decisions.saved', { n: n(result.items.length) }));
      refresh();
    },
  });
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/calls/{callId}/decisions/publish', { params: { path: { callId: call.id } } })),
    onSuccess: () => {
      setConfirming(false);
      setNotice(null);
      refresh();
      void queryClient.invalidateQueries({ queryKey: keys.ideas.all });
    },
  });

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
              );
            }}
          >
            <ProblemAlert error={save.error} />
            <TableScroll label={t('decisions.tableLabel')}>
              <table className="table">
                <caption className="visually-hidden">{t('decisions.tableLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">{t('decisions.rank')}</th>
                    <th scope="col">{t('decisions.idea')}</th>
                    <th scope="col">{t('decisions.outcome')}</th>
                    <th scope="col">{t('decisions.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ideas.map((idea) => {
                    const value = valueOf(idea.ideaId);
                    const decision = recorded.get(idea.ideaId);
                    const decidable = !published && DECIDABLE.includes(idea.state);
                    const error = rowErrors.get(idea.ideaId);
                    return (
                      <tr key={idea.ideaId}>
                        <td className="num">{idea.calibratedRank === null || idea.calibratedRank === undefined ? '—' : n(idea.calibratedRank)}</td>
                        <th scope="row" className="ranking__title">
                          <bdi>{idea.title}</bdi>
                          <br />
                          <small className="muted">{t(`enums:IdeaState.${idea.state}`)}</small>
                          {error ? <p className="field__error">{error}</p> : null}
                        </th>
                        <td>
                          {decidable ? (
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
                          {decidable && decision && drafts[idea.ideaId] ? (
                            <small className="muted">{t('decisions.current', { outcome: t(`enums:DecisionOutcome.${decision.outcome}`) })}</small>
                          ) : null}
                        </td>
                        <td>
                          {decidable ? (
                            <input
                              className="decision-note"
                              aria-label={t('decisions.noteFor', { idea: idea.title })}
                              maxLength={2000}
                              value={value.note}
                              onChange={(event) => change(idea.ideaId, { note: event.target.value })}
                            />
                          ) : (
                            <span>{decision?.note ?? ''}</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
            {published ? null : (
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
                        if (DECIDABLE.includes(idea.state) && !valueOf(idea.ideaId).outcome) next[idea.ideaId] = { outcome: 'not_selected', note: '' };
                      }
                      return next;
                    })
                  }
                >
                  {t('decisions.restNotSelected')}
                </Button>
              </div>
            )}
          </form>
        )}
      </QueryState>

      {published ? null : (
        <Card title={t('decisions.publish')}>
          <ProblemAlert error={publish.error} />
          {confirming ? (
            <section ref={confirmRef} tabIndex={-1} className="card confirm stack" aria-labelledby="confirm-title">
              <h3 id="confirm-title">{t('decisions.confirmTitle')}</h3>
              {changed.length > 0 ? <p className="alert alert--error">{t('decisions.unsaved')}</p> : null}
              <p>{t('decisions.confirmText', { selected: n(counts?.selected ?? 0), notSelected: n(counts?.notSelected ?? 0) })}</p>
              <div className="row">
                <Button variant="danger" busy={publish.isPending} disabled={changed.length > 0} onClick={() => publish.mutate()}>
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
      )}
    </div>
  );
}
