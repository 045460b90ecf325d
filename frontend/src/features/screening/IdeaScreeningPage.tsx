import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Button } from '@/components/ui/Button';
import { FileSection } from '@/components/files/FileSection';
import { Badge, Card, Page } from '@/components/ui/Page';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { ideaEventsQuery, ideaQuery } from '@/lib/api/ideas';
import type { Schema } from '@/lib/api/types';
import { countryName } from '@/lib/format/countries';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { reopenScreening, screenIdea, similarIdeasQuery } from './api';
import { REASONS, ReasonForm } from './ReasonForm';
import { stateTone } from './tones';
import './screening.css';

type IdeaView = Schema<'IdeaView'>;

/** One idea for staff: its full text, its submitter's ties, similar ideas, and screening it. */
export function IdeaScreeningPage() {
  const { id: callId = '', ideaId = '' } = useParams();
  const { t } = useTranslation(['screening', 'enums', 'common']);
  const idea = useQuery(ideaQuery(ideaId));
  return (
    <Page title={idea.data?.title ?? t('queue.title')}>
      <CallTabs callId={callId} />
      <p>
        <Link to={`/staff/calls/${callId}/screening`}>{t('idea.back')}</Link>
      </p>
      <QueryState query={idea}>
        {(data) => (
          <div className="screening__layout">
            <div className="stack">
              <IdeaText idea={data} />
              <SubmitterCard idea={data} />
              <FileSection owner={{ kind: 'idea', id: data.id }} title={t('idea.files')} canAdd={false} />
            </div>
            <div className="stack">
              <ScreeningCard idea={data} />
              <SimilarCard idea={data} callId={callId} />
              <IdeaHistory ideaId={data.id} />
            </div>
          </div>
        )}
      </QueryState>
    </Page>
  );
}

function IdeaText({ idea }: { idea: IdeaView }) {
  const { t } = useTranslation(['screening', 'enums']);
  const { locale } = useLocale();
  return (
    <Card title={t('idea.facts')}>
      <dl className="screening__facts">
        <dt>{t('queue.columns.state')}</dt>
        <dd>
          <Badge tone={stateTone[idea.state]}>{t(`enums:IdeaState.${idea.state}`)}</Badge>
        </dd>
        <dt>{t('idea.domain')}</dt>
        <dd>{t(`enums:Domain.${idea.domain}`)}</dd>
        <dt>{t('idea.target')}</dt>
        <dd>
          {t('queue.place', { city: pick(idea.targetCity.name, locale), country: countryName(idea.targetCity.country, locale) })}
          {idea.targetCity.verified ? null : <span className="muted"> ({t('idea.unverified')})</span>}
        </dd>
        {idea.submittedAt ? (
          <>
            <dt>{t('idea.submittedAt')}</dt>
            <dd>
              <Moment value={idea.submittedAt} style="dateTime" />
            </dd>
          </>
        ) : null}
      </dl>
      <h3>{t('idea.summary')}</h3>
      <p className="screening__text" dir="auto">
        {idea.summary}
      </p>
      <h3>{t('idea.body')}</h3>
      <p className="screening__text" dir="auto">
        {idea.body}
      </p>
      <h3>{t('idea.outcomes')}</h3>
      <p className="screening__text" dir="auto">
        {idea.expectedOutcomes}
      </p>
      <h3>{t('idea.partners')}</h3>
      {idea.partners.length ? (
        <ul>
          {idea.partners.map((partner, i) => (
            <li key={i}>
              <bdi>{partner.name}</bdi>
              {partner.organisation ? (
                <>
                  {' '}
                  — <bdi>{partner.organisation}</bdi>
                </>
              ) : null}
              {partner.country ? <span className="muted"> ({countryName(partner.country, locale)})</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('idea.noPartners')}</p>
      )}
    </Card>
  );
}

function SubmitterCard({ idea }: { idea: IdeaView }) {
  const { t } = useTranslation(['screening', 'enums']);
  const { locale } = useLocale();
  const submitter = idea.submitter;
  const channel = idea.channel;
  return (
    <Card title={t('idea.submitter')}>
      {submitter ? (
        <dl className="screening__facts">
          <dt>{t('idea.name')}</dt>
          <dd>
            <bdi>{submitter.displayName}</bdi>
          </dd>
          {submitter.email ? (
            <>
              <dt>{t('idea.email')}</dt>
              <dd>
                <bdi>{submitter.email}</bdi>
              </dd>
            </>
          ) : null}
          {submitter.category ? (
            <>
              <dt>{t('idea.category')}</dt>
              <dd>{t(`enums:OccupationCategory.${submitter.category}`)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {submitter?.ties ? (
        <>
          <h3>{t('idea.ties')}</h3>
          {submitter.ties.length ? (
            <ul className="screening__ties" aria-label={t('idea.ties')}>
              {submitter.ties.map((tie) => (
                <li key={tie.id}>
                  <bdi>{tie.city}</bdi> ({countryName(tie.country, locale)}){' '}
                  <Badge tone="info">{t(`enums:TieKind.${tie.nature}`)}</Badge>{' '}
                  <span className="muted">{t('idea.since', { year: formatNumber(tie.since, locale, { useGrouping: false }) })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('idea.noTies')}</p>
          )}
        </>
      ) : null}
      <h3>{t('idea.channel')}</h3>
      {channel ? (
        <>
          <p>
            <Badge tone="info">{t(`enums:TieKind.${channel.kind}`)}</Badge>{' '}
            <span className="muted">{t('idea.years', { years: formatNumber(channel.years, locale) })}</span>
          </p>
          <p className="screening__text" dir="auto">
            {channel.description}
          </p>
        </>
      ) : (
        <p className="muted">{t('idea.noChannel')}</p>
      )}
    </Card>
  );
}

function ScreeningCard({ idea }: { idea: IdeaView }) {
  const { t } = useTranslation(['screening', 'enums']);
  const [done, setDone] = useState<string | null>(null);
  const after = (changed: IdeaView) => setDone(t('decision.done', { state: t(`enums:IdeaState.${changed.state}`) }));
  const screen = useMutation(screenIdea(idea.id));
  const reopen = useMutation(reopenScreening(idea.id));
  const allowed = idea.allowedActions;
  return (
    <Card title={t('idea.screening')}>
      <div className="stack">
        {done ? <Notice>{done}</Notice> : null}
        {allowed.includes('screen') ? (
          <>
            <ProblemAlert error={screen.error} />
            <div>
              <Button busy={screen.isPending && screen.variables?.decision === 'shortlist'} onClick={() => screen.mutate({ decision: 'shortlist' }, { onSuccess: after })}>
                {t('decision.shortlist')}
              </Button>
            </div>
            <ReasonForm
              reasonLabel={t('decision.reason')}
              submitLabel={t('decision.reject')}
              busy={screen.isPending && screen.variables?.decision === 'reject'}
              onSubmit={(chosen, showErrors) => screen.mutate({ decision: 'reject', ...chosen }, { onSuccess: after, onError: showErrors })}
            />
          </>
        ) : allowed.includes('reopen_screening') ? (
          <>
            <p>{t('decision.reopenLead')}</p>
            <ProblemAlert error={reopen.error} />
            <ReasonForm
              reasonLabel={t('decision.reopenReason')}
              submitLabel={t('decision.reopen')}
              variant="secondary"
              busy={reopen.isPending}
              onSubmit={(chosen, showErrors) => reopen.mutate(chosen, { onSuccess: after, onError: showErrors })}
            />
          </>
        ) : (
          <p className="muted">{t('idea.screeningDone')}</p>
        )}
      </div>
    </Card>
  );
}

function SimilarCard({ idea, callId }: { idea: IdeaView; callId: string }) {
  const { t } = useTranslation(['screening', 'enums']);
  const { locale } = useLocale();
  const similar = useQuery(similarIdeasQuery(idea.id));
  return (
    <Card title={t('idea.similar')}>
      <p className="muted">{t('idea.similarLead')}</p>
      <QueryState query={similar}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('idea.noSimilar')}</p>
          ) : (
            <ul className="screening__similar">
              {list.items.map((item) => (
                <li key={item.idea.id}>
                  <Link to={`/staff/calls/${callId}/screening/${item.idea.id}`}><bdi>{item.idea.title}</bdi></Link>
                  <span>
                    <Badge tone={item.score >= 0.6 ? 'warning' : 'neutral'}>
                      {t('queue.similarity', { score: formatNumber(item.score, locale, { style: 'percent' }) })}
                    </Badge>{' '}
                    <Badge tone={stateTone[item.idea.state]}>{t(`enums:IdeaState.${item.idea.state}`)}</Badge>
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Card>
  );
}

function IdeaHistory({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation(['screening', 'enums']);
  const events = useQuery(ideaEventsQuery(ideaId));
  return (
    <Card title={t('idea.history')}>
      <QueryState query={events}>
        {(list) => (
          <ol className="timeline">
            {[...list.items].reverse().map((event) => (
              <li key={event.id}>
                <strong>{t(`enums:EventKind.${event.kind}`)}</strong> · <Moment value={event.at} style="dateTime" />
                {event.actor ? (
                  <>
                    {' '}
                    · <bdi className="muted">{event.actor.displayName}</bdi>
                  </>
                ) : null}
                {event.reason ? <p className="muted">{isReason(event.reason) ? t(`enums:ScreeningReason.${event.reason}`) : event.reason}</p> : null}
                {event.note ? <p>{event.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </Card>
  );
}

function isReason(reason: string): reason is Schema<'ScreeningReason'> {
  return (REASONS as string[]).includes(reason);
}
