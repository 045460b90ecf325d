import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { FileSection } from '@/components/files/FileSection';
import { isEmailUnverified, VerifyEmailNotice } from '@/components/VerifyEmailNotice';
import { Button } from '@/components/ui/Button';
import { Countdown } from '@/components/ui/Countdown';
import { Badge, Card, Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { callQuery } from '@/lib/api/calls';
import { IDEA_STATES, isOneOf, SCREENING_REASONS } from '@/lib/api/enums';
import { ideaEventsQuery, ideaQuery } from '@/lib/api/ideas';
import type { Schema } from '@/lib/api/types';
import { countryName } from '@/lib/format/countries';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { ideaResultQuery, submitIdea, withdrawIdea } from './api';
import { stateTone } from './stateTone';
import './ideas.css';

type Idea = Schema<'IdeaView'>;
type IdeaState = Schema<'IdeaState'>;

const isIdeaState = (value: string | null | undefined): value is IdeaState => isOneOf(IDEA_STATES, value);
const isScreeningReason = (value: string | null | undefined): value is Schema<'ScreeningReason'> => isOneOf(SCREENING_REASONS, value);

/** One of my ideas: its content, state, history, what I may do now and, once published, the jury's result. */
export function IdeaPage() {
  const { id = '' } = useParams();
  const idea = useQuery(ideaQuery(id));
  return (
    <QueryState query={idea}>
      {(data) => <IdeaDetail idea={data} />}
    </QueryState>
  );
}

function IdeaDetail({ idea }: { idea: Idea }) {
  const { t } = useTranslation(['ideas', 'enums', 'common']);
  const { locale } = useLocale();
  const location = useLocation();
  const call = useQuery(callQuery(idea.callId));
  const events = useQuery(ideaEventsQuery(idea.id));
  // The result is there once the call's decisions are published.
  const decided = Boolean(call.data?.decisionsPublishedAt);
  const result = useQuery({ ...ideaResultQuery(idea.id), enabled: decided });
  const actions = idea.allowedActions ?? [];
  const [done, setDone] = useState<string | null>((location.state as { submitted?: boolean } | null)?.submitted ? t('detail.submitted') : null);

  return (
    <Page
      title={idea.title}
      actions={
        <Link className="button button--quiet" to="/my/ideas">
          {t('detail.back')}
        </Link>
      }
    >
      <div className="stack">
        {done ? <Notice>{done}</Notice> : null}
        <Card>
          <dl className="idea-facts">
            <div>
              <dt>{t('detail.state')}</dt>
              <dd>
                <Badge tone={stateTone[idea.state]}>{t(`enums:IdeaState.${idea.state}`)}</Badge>
              </dd>
            </div>
            <div>
              <dt>{t('detail.call')}</dt>
              <dd>{call.data ? pick(call.data.title, locale) : '…'}</dd>
            </div>
            <div>
              <dt>{t('detail.domain')}</dt>
              <dd>{t(`enums:Domain.${idea.domain}`)}</dd>
            </div>
            <div>
              <dt>{t('detail.target')}</dt>
              <dd>
                {pick(idea.targetCity.name, locale)}{locale === 'fa' ? '، ' : ', '}{countryName(idea.targetCity.country, locale)}
              </dd>
            </div>
            {idea.submittedAt ? (
              <div>
                <dt>{t('detail.submittedAt')}</dt>
                <dd>
                  <Moment value={idea.submittedAt} style="dateTime" />
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('detail.lastChange')}</dt>
              <dd>
                <Moment value={idea.updatedAt} style="dateTime" />
              </dd>
            </div>
          </dl>
        </Card>

        <Actions idea={idea} onDone={setDone} />
        {actions.includes('edit') && call.data ? (
          <Card>
            <p className="muted">{t('detail.editableUntil')}</p>
            <Countdown until={call.data.closesAt} label={t('ideas:form.deadline')} />
          </Card>
        ) : null}

        {decided ? (
          <Card title={t('detail.result')}>
            <QueryState query={result}>{(data) => <Result result={data} />}</QueryState>
          </Card>
        ) : null}

        <Card title={t('detail.summary')}>
          <p className="idea-text" dir="auto">{idea.summary || '—'}</p>
          <h3>{t('detail.body')}</h3>
          <p className="idea-text" dir="auto">{idea.body || '—'}</p>
          <h3>{t('detail.channel')}</h3>
          {idea.channel ? (
            <p className="idea-text" dir="auto">
              <Badge>{t(`enums:TieKind.${idea.channel.kind}`)}</Badge>{' '}
              {t('detail.channelYears', { years: formatNumber(idea.channel.years, locale) })} — <bdi>{idea.channel.description}</bdi>
            </p>
          ) : (
            <p>—</p>
          )}
          {idea.partners.length ? (
            <>
              <h3>{t('detail.partners')}</h3>
              <ul>
                {idea.partners.map((partner, index) => (
                  <li key={index}>
                    <bdi>{partner.name}</bdi>
                    {partner.organisation ? ` (${partner.organisation})` : ''}
                    {partner.country ? ` — ${countryName(partner.country, locale)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>{t('detail.expectedOutcomes')}</h3>
          <p className="idea-text" dir="auto">{idea.expectedOutcomes || '—'}</p>
        </Card>

        <FileSection
          owner={{ kind: 'idea', id: idea.id }}
          title={t('detail.files')}
          canAdd={actions.includes('edit')}
          blind={call.data?.blindReview ?? false}
          lead={idea.filesPublic ? t('detail.filesPublic') : t('detail.filesPrivate')}
        />

        <Card title={t('detail.history')}>
          <QueryState query={events}>
            {(list) =>
              list.items.length === 0 ? (
                <p>{t('detail.historyEmpty')}</p>
              ) : (
                <ol className="timeline">
                  {list.items.map((event) => (
                    <li key={event.id}>
                      <strong>{t(`enums:EventKind.${event.kind}`)}</strong> — <Moment value={event.at} style="dateTime" />
                      {isIdeaState(event.from) && isIdeaState(event.to) ? (
                        <div className="muted">
                          {t('detail.fromTo', { from: t(`enums:IdeaState.${event.from}`), to: t(`enums:IdeaState.${event.to}`) })}
                        </div>
                      ) : null}
                      {event.reason ? (
                        <div>
                          {t('detail.reason', {
                            reason: isScreeningReason(event.reason) ? t(`enums:ScreeningReason.${event.reason}`) : event.reason,
                          })}
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ol>
              )
            }
          </QueryState>
        </Card>
      </div>
    </Page>
  );
}

/** Exactly what the server allows now: edit, submit, withdraw (after a confirmation). */
function Actions({ idea, onDone }: { idea: Idea; onDone: (message: string) => void }) {
  const { t } = useTranslation(['ideas', 'common']);
  const [confirming, setConfirming] = useState(false);
  const submit = useMutation(submitIdea(idea.id));
  const withdraw = useMutation(withdrawIdea(idea.id));
  const allowed = idea.allowedActions ?? [];
  if (!allowed.some((action) => action === 'edit' || action === 'submit' || action === 'withdraw')) return null;
  return (
    <section className="card stack" aria-labelledby="idea-actions">
      <h2 id="idea-actions" className="card__title">
        {t('detail.actions')}
      </h2>
      {isEmailUnverified(submit.error) ? <VerifyEmailNotice reason="refused" /> : <ProblemAlert error={submit.error ?? withdraw.error} />}
      <div className="row">
        {allowed.includes('edit') ? (
          <Link className="button button--secondary" to={`/my/ideas/${idea.id}/edit`}>
            {t('detail.edit')}
          </Link>
        ) : null}
        {allowed.includes('submit') ? (
          <Button busy={submit.isPending} onClick={() => submit.mutate(undefined, { onSuccess: () => onDone(t('detail.submitted')) })}>
            {t('detail.submit')}
          </Button>
        ) : null}
        {allowed.includes('withdraw') && !confirming ? (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('detail.withdraw')}
          </Button>
        ) : null}
      </div>
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('detail.withdraw')}>
          <p>{t('detail.withdrawConfirm')}</p>
          <div className="row">
            <Button variant="danger" busy={withdraw.isPending} onClick={() =>
                withdraw.mutate(undefined, {
                  onSuccess: () => {
                    setConfirming(false);
                    onDone(t('detail.withdrawn'));
                  },
                })
              }>
              {t('detail.withdrawYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common:actions.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function Result({ result }: { result: Schema<'IdeaResultView'> }) {
  const { t } = useTranslation(['ideas', 'enums']);
  if (!result.published || !result.outcome) return <p>{t('detail.resultPending')}</p>;
  return (
    <div className="stack">
      <dl className="idea-facts">
        <div>
          <dt>{t('detail.outcome')}</dt>
          <dd>
            <Badge tone={result.outcome === 'selected' ? 'success' : 'danger'}>{t(`enums:DecisionOutcome.${result.outcome}`)}</Badge>
          </dd>
        </div>
        {result.publishedAt ? (
          <div>
            <dt>{t('detail.publishedAt')}</dt>
            <dd>
              <Moment value={result.publishedAt} style="dateTime" />
            </dd>
          </div>
        ) : null}
      </dl>
      <h3>{t('detail.comments')}</h3>
      {result.comments.length ? (
        <ol className="comments">
          {result.comments.map((comment, index) => (
            <li key={index} dir="auto">{comment}</li>
          ))}
        </ol>
      ) : (
        <p>{t('detail.noComments')}</p>
      )}
    </div>
  );
}
