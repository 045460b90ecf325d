import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Badge, Card, Page, TableScroll, type Tone } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { callQuery } from '@/lib/api/calls';
import { useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { allCallIdeasQuery, allReviewersQuery, assign, autoAssign, callAssignmentsQuery, unassign as unassignOne } from './api';
import { isolate, joinList } from './options';
import './jury.css';

type Plan = Schema<'AutoAssignView'>;
type Assignment = Schema<'AssignmentView'>;
type Reviewer = Schema<'ReviewerView'>;

const stateTone: Record<Schema<'AssignmentState'>, Tone> = { pending: 'warning', submitted: 'success', declined: 'neutral' };

/** Whether staff may give the idea a reviewer: its view says so (`assign`). */
const withJury = (idea: Schema<'IdeaView'>) => idea.allowedActions.includes('assign');

export function AssignmentBoardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['jury', 'enums', 'common']);
  const { locale } = useLocale();
  const call = useQuery(callQuery(id));
  const title = call.data ? t('board.titleOf', { call: pick(call.data.title, locale) }) : t('board.title');
  return (
    <Page title={title} lead={call.data ? t('board.summary', { n: formatNumber(call.data.reviewersPerIdea, locale) }) : undefined}>
      <CallTabs callId={id} />
      <QueryState query={call}>{(loaded) => <Board call={loaded} />}</QueryState>
    </Page>
  );
}

function Board({ call }: { call: Schema<'CallView'> }) {
  const { t } = useTranslation(['jury', 'enums', 'common']);
  const { locale } = useLocale();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const planHeading = useRef<HTMLHeadingElement>(null);
  const assignments = useQuery(callAssignmentsQuery(call.id));
  const ideas = useQuery(allCallIdeasQuery(call.id));
  const reviewers = useQuery(allReviewersQuery(call.id));
  const n = (value: number) => formatNumber(value, locale);

  const auto = useMutation(autoAssign(call.id));
  const runAuto = (dryRun: boolean) =>
    auto.mutate(dryRun, {
      onSuccess: (result) => {
        if (result.applied) {
          setPlan(null);
          setNotice(t('board.auto.applied', { n: n(result.figures.newAssignments) }));
        } else {
          setPlan(result);
          setNotice(null);
          window.requestAnimationFrame(() => planHeading.current?.focus());
        }
      },
    });
  const unassign = useMutation(unassignOne(call.id));
  const takeBack = (assignment: Assignment) =>
    unassign.mutate(assignment, {
      onSuccess: () => {
        setNotice(t('board.unassigned', { reviewer: isolate(assignment.reviewer.displayName), idea: isolate(assignment.idea.title) }));
        setPlan(null);
      },
    });

  const ideaNames = new Map<string, string>();
  for (const idea of ideas.data ?? []) ideaNames.set(idea.id, idea.title);
  const reviewerNames = new Map<string, string>();
  for (const reviewer of reviewers.data ?? []) reviewerNames.set(reviewer.id, reviewer.displayName);
  for (const planned of plan?.assignments ?? []) {
    ideaNames.set(planned.ideaId, planned.ideaTitle);
    reviewerNames.set(planned.reviewerId, planned.reviewerName);
  }

  return (
    <div className="stack">
      {notice ? <Notice>{notice}</Notice> : null}
      <Card title={t('board.auto.title')}>
        <p className="muted">{t('board.auto.lead')}</p>
        <ProblemAlert error={auto.error} />
        <div className="row">
          <Button variant="secondary" busy={auto.isPending && auto.variables} onClick={() => runAuto(true)}>
            {t('board.auto.dryRun')}
          </Button>
          <Button disabled={!plan || plan.figures.newAssignments === 0} busy={auto.isPending && !auto.variables} onClick={() => runAuto(false)}>
            {t('board.auto.apply')}
          </Button>
        </div>
        {plan ? (
          <div className="stack" style={{ marginBlockStart: '1rem' }}>
            <h3 ref={planHeading} tabIndex={-1}>
              {t('board.auto.planTitle')}
            </h3>
            <PlanFigures figures={plan.figures} />
            {plan.figures.groups > 1 ? (
              <p className="alert alert--warning" role="status">
                {t('board.auto.splitWarning', { n: n(plan.figures.groups) })}
              </p>
            ) : null}
            <section aria-label={t('board.auto.unmetTitle')}>
              <h4>{t('board.auto.unmetTitle')}</h4>
              {plan.unmet.length === 0 ? (
                <p className="alert alert--success">{t('board.auto.allMet')}</p>
              ) : (
                <ul className="unmet">
                  {plan.unmet.map((unmet, index) => (
                    <li key={`${unmet.rule}-${index}`}>
                      <strong>{t(`enums:Rule.${unmet.rule}`)}</strong>
                      {/* The server's message is in English; this rule's has its translation here. */}
                      <p>{unmet.rule === 'connected' ? t('board.auto.connectedUnmet', { n: n(plan.figures.groups) }) : unmet.message}</p>
                      {unmet.ideaIds.length ? (
                        <p>
                          {t('board.auto.ideasConcerned')}: {joinList(unmet.ideaIds.map((ideaId) => ideaNames.get(ideaId) ?? ideaId), locale)}
                        </p>
                      ) : null}
                      {unmet.reviewerIds.length ? (
                        <p>
                          {t('board.auto.reviewersConcerned')}:{' '}
                          {joinList(unmet.reviewerIds.map((reviewerId) => reviewerNames.get(reviewerId) ?? reviewerId), locale)}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {plan.assignments.length === 0 ? (
              <p className="muted">{t('board.auto.nothingNew')}</p>
            ) : (
              <TableScroll label={t('board.auto.plannedLabel')}>
                <table className="table">
                  <caption className="visually-hidden">{t('board.auto.plannedLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('board.auto.plannedColumns.idea')}</th>
                      <th scope="col">{t('board.auto.plannedColumns.reviewer')}</th>
                      <th scope="col">{t('board.auto.plannedColumns.organisation')}</th>
                      <th scope="col">{t('board.auto.plannedColumns.match')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.assignments.map((planned) => (
                      <tr key={`${planned.ideaId}-${planned.reviewerId}`}>
                        <td>{planned.ideaTitle}</td>
                        <td>{planned.reviewerName}</td>
                        <td>{t(`enums:Organisation.${planned.organisation}`)}</td>
                        <td>
                          <Badge tone={planned.expertiseMatch ? 'success' : 'neutral'}>
                            {t(planned.expertiseMatch ? 'board.auto.match' : 'board.auto.noMatch')}
                          </Badge>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </div>
        ) : null}
      </Card>

      <ManualAssign
        call={call}
        ideas={(ideas.data ?? []).filter(withJury)}
        reviewers={reviewers.data ?? []}
        onDone={(message) => {
          setNotice(message);
          setPlan(null);
        }}
      />

      <section aria-labelledby="by-idea">
        <h2 id="by-idea">{t('board.byIdea')}</h2>
        <ProblemAlert error={unassign.error} />
        <QueryState query={assignments}>
          {(items) => (
            <ByIdea
              call={call}
              assignments={items}
              ideas={(ideas.data ?? []).filter((idea) => withJury(idea) || items.some((a) => a.idea.id === idea.id))}
              onUnassign={takeBack}
              busyId={unassign.isPending ? unassign.variables.id : null}
            />
          )}
        </QueryState>
      </section>

      <section aria-labelledby="by-reviewer">
        <h2 id="by-reviewer">{t('board.byReviewer')}</h2>
        <QueryState query={reviewers}>{(items) => <ByReviewer reviewers={items} />}</QueryState>
      </section>
    </div>
  );
}

function PlanFigures({ figures }: { figures: Schema<'PlanFiguresView'> }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const percent = (value: number) => formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <dl className="figures">
      <div>
        <dt>{t('board.auto.ideas')}</dt>
        <dd>{n(figures.ideas)}</dd>
      </div>
      <div>
        <dt>{t('board.auto.newAssignments')}</dt>
        <dd>{n(figures.newAssignments)}</dd>
      </div>
      <div>
        <dt>{t('board.auto.loads')}</dt>
        <dd>{t('board.auto.loadRange', { min: n(figures.minLoad), max: n(figures.maxLoad) })}</dd>
      </div>
      <div>
        <dt>{t('board.auto.loadSpread')}</dt>
        <dd>
          {n(figures.loadSpread)}
          <small>{t('board.auto.loadSpreadHint')}</small>
        </dd>
      </div>
      <div>
        <dt>{t('board.auto.diversity')}</dt>
        <dd>
          {percent(figures.organisationDiversity)}
          <small>{t('board.auto.diversityHint')}</small>
        </dd>
      </div>
      <div>
        <dt>{t('board.auto.expertise')}</dt>
        <dd>
          {percent(figures.expertiseMatchRate)}
          <small>{t('board.auto.expertiseHint')}</small>
        </dd>
      </div>
      <div>
        <dt>{t('board.auto.groups')}</dt>
        <dd>
          {n(figures.groups)}
          <small>{t('board.auto.groupsHint')}</small>
        </dd>
      </div>
      <div>
        <dt>{t('board.auto.jurorPairs')}</dt>
        <dd>
          {n(figures.jurorPairs)}
          <small>{t('board.auto.jurorPairsHint')}</small>
        </dd>
      </div>
    </dl>
  );
}

type ManualValues = { ideaId: string; reviewerId: string };

function ManualAssign({
  call,
  ideas,
  reviewers,
  onDone,
}: {
  call: Schema<'CallView'>;
  ideas: Schema<'IdeaView'>[];
  reviewers: Reviewer[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(['jury', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const form = useForm<ManualValues>({ defaultValues: { ideaId: '', reviewerId: '' } });
  const assigning = useMutation(assign(call.id));
  const submit = (values: ManualValues) =>
    assigning.mutate(values, {
      onSuccess: (assignment) => {
        form.reset({ ideaId: '', reviewerId: '' });
        onDone(t('board.manual.done', { idea: isolate(assignment.idea.title), reviewer: isolate(assignment.reviewer.displayName) }));
      },
    });
  const { errors } = form.formState;
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Card title={t('board.manual.title')}>
      <form className="form" noValidate onSubmit={form.handleSubmit(submit)}>
        <ProblemAlert error={assigning.error} />
        <div className="row">
          <Field label={t('fields.idea')} error={errors.ideaId?.message} required>
            {(control) => (
              <select {...control} {...form.register('ideaId', { required: errorText.required })}>
                <option value="">{t('fields.choose')}</option>
                {ideas.map((idea) => (
                  <option key={idea.id} value={idea.id}>
                    {idea.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('fields.reviewer')} error={errors.reviewerId?.message} required>
            {(control) => (
              <select {...control} {...form.register('reviewerId', { required: errorText.required })}>
                <option value="">{t('fields.choose')}</option>
                {reviewers
                  .filter((reviewer) => reviewer.active)
                  .map((reviewer) => (
                    <option key={reviewer.id} value={reviewer.id}>
                      {`${reviewer.displayName} (${n(reviewer.assigned)}/${n(reviewer.maxLoad)})`}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Button type="submit" busy={assigning.isPending}>
            {t('board.manual.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ByIdea({
  call,
  assignments,
  ideas,
  onUnassign,
  busyId,
}: {
  call: Schema<'CallView'>;
  assignments: Assignment[];
  ideas: Schema<'IdeaView'>[];
  onUnassign: (assignment: Assignment) => void;
  busyId: string | null;
}) {
  const { t } = useTranslation(['jury', 'enums']);
  const { locale } = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  if (ideas.length === 0) return <p className="muted">{t('board.noIdeas')}</p>;
  return (
    <TableScroll label={t('board.byIdeaLabel')}>
      <table className="table">
        <caption className="visually-hidden">{t('board.byIdeaLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('board.columns.idea')}</th>
            <th scope="col">{t('board.columns.state')}</th>
            <th scope="col" className="num">
              {t('board.columns.count')}
            </th>
            <th scope="col">{t('board.columns.reviewers')}</th>
          </tr>
        </thead>
        <tbody>
          {ideas.map((idea) => {
            const held = assignments.filter((assignment) => assignment.idea.id === idea.id);
            // state-ok: a count shown (reviews that count towards the idea's quota), not a permission.
            const counting = held.filter((assignment) => assignment.state !== 'declined').length;
            return (
              <tr key={idea.id}>
                <th scope="row">{idea.title}</th>
                <td>{t(`enums:IdeaState.${idea.state}`)}</td>
                <td className="num">
                  <Badge tone={counting >= call.reviewersPerIdea ? 'success' : 'warning'}>
                    {t('board.countOf', { n: n(counting), of: n(call.reviewersPerIdea) })}
                  </Badge>
                </td>
                <td>
                  {held.length === 0 ? (
                    <span className="muted">{t('board.noAssignments')}</span>
                  ) : (
                    <ul className="chips">
                      {held.map((assignment) => (
                        <li key={assignment.id}>
                          <span>{assignment.reviewer.displayName}</span>
                          <Badge tone={stateTone[assignment.state]}>{t(`enums:AssignmentState.${assignment.state}`)}</Badge>
                          {assignment.allowedActions.includes('unassign') ? (
                            <Button
                              variant="quiet"
                              className="button--small"
                              aria-label={t('board.unassignLabel', { reviewer: assignment.reviewer.displayName, idea: idea.title })}
                              busy={busyId === assignment.id}
                              onClick={() => onUnassign(assignment)}
                            >
                              {t('board.unassign')}
                            </Button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ByReviewer({ reviewers }: { reviewers: Reviewer[] }) {
  const { t } = useTranslation(['jury', 'enums']);
  const { locale } = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const shown = reviewers.filter((reviewer) => reviewer.active || reviewer.assigned > 0);
  return (
    <TableScroll label={t('board.byReviewerLabel')}>
      <table className="table">
        <caption className="visually-hidden">{t('board.byReviewerLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('board.columns.reviewer')}</th>
            <th scope="col">{t('board.columns.organisation')}</th>
            <th scope="col" className="num">
              {t('board.columns.load')}
            </th>
            <th scope="col" className="num">
              {t('board.columns.submitted')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((reviewer) => (
            <tr key={reviewer.id}>
              <th scope="row">{reviewer.displayName}</th>
              <td>{t(`enums:Organisation.${reviewer.organisation}`)}</td>
              <td className="num">{t('board.countOf', { n: n(reviewer.assigned), of: n(reviewer.maxLoad) })}</td>
              <td className="num">{n(reviewer.submitted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
