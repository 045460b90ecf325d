import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FileSection } from '@/components/files/FileSection';
import { Button } from '@/components/ui/Button';
import { Countdown } from '@/components/ui/Countdown';
import { Field } from '@/components/ui/Field';
import { Badge, Card, Page, TableScroll } from '@/components/ui/Page';
import { ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { callQuery, rubricQuery } from '@/lib/api/calls';
import { ideaQuery } from '@/lib/api/ideas';
import { applyFieldErrors, useErrorText } from '@/lib/api/messages';
import type { Schema } from '@/lib/api/types';
import { countryName } from '@/lib/format/countries';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { declareConflict, myReviewQuery, reviewsQuery } from './api';
import { ScoringForm } from './ScoringForm';
import './reviews.css';

type Idea = Schema<'IdeaView'>;
type Call = Schema<'CallView'>;
type Criterion = Schema<'CriterionDto'>;

/** An idea I review: the idea as the API lets me see it, my scoring sheet, a conflict declaration, and others' reviews. */
export function ReviewPage() {
  const { ideaId = '' } = useParams();
  const idea = useQuery(ideaQuery(ideaId));
  return <QueryState query={idea}>{(data) => <Reviewing idea={data} />}</QueryState>;
}

function Reviewing({ idea }: { idea: Idea }) {
  const { t } = useTranslation(['reviews', 'enums', 'common']);
  const call = useQuery(callQuery(idea.callId));
  const rubric = useQuery(rubricQuery(idea.callId));
  const review = useQuery(myReviewQuery(idea.id));
  // What the server lets me do with my review; before I first save one there is none, and I may declare a
  // conflict but not read the others' reviews yet.
  const allowed: Schema<'ReviewAction'>[] = review.data ? review.data.allowedActions : review.isSuccess ? ['declare_conflict'] : [];
  return (
    <Page
      title={idea.title}
      actions={
        <Link className="button button--quiet" to="/review">
          {t('review.back')}
        </Link>
      }
    >
      <div className="stack">
        {call.data ? <Window call={call.data} /> : null}
        <div className="review-layout">
          <IdeaCard idea={idea} blind={call.data?.blindReview ?? false} />
          <section className="card">
            <QueryState query={rubric}>
              {(found) =>
                found ? (
                  <QueryState query={review}>
                    {(mine) => <ScoringForm ideaId={idea.id} criteria={found.criteria} review={mine} />}
                  </QueryState>
                ) : (
                  <p>{t('review.noRubric')}</p>
                )
              }
            </QueryState>
          </section>
        </div>
        {/* What the server lists for a reviewer: in a blind call, proposal documents only, under neutral names. */}
        <FileSection owner={{ kind: 'idea', id: idea.id }} title={t('review.files')} canAdd={false} />
        <OthersReviews ideaId={idea.id} criteria={rubric.data?.criteria ?? []} enabled={allowed.includes('read_others')} />
        {allowed.includes('declare_conflict') ? <DeclareConflict ideaId={idea.id} /> : null}
      </div>
    </Page>
  );
}

function Window({ call }: { call: Call }) {
  const { t } = useTranslation('reviews');
  // The clock as the page opened: whether to count down to the window's end, or say it is not open yet.
  const [openedAt] = useState(Date.now);
  const notOpen = new Date(call.reviewOpensAt).getTime() > openedAt;
  return (
    <Card>
      <p>
        <strong>{t('review.window')}:</strong> <Moment value={call.reviewOpensAt} style="dateTime" /> {'–'}{' '}
        <Moment value={call.reviewClosesAt} style="dateTime" />
      </p>
      {notOpen ? <p className="alert alert--info">{t('review.notOpenYet')}</p> : <Countdown until={call.reviewClosesAt} label={t('review.windowLeft')} />}
    </Card>
  );
}

/** The idea as the API shows it to a reviewer: in a blind call it comes without its submitter. */
function IdeaCard({ idea, blind }: { idea: Idea; blind: boolean }) {
  const { t } = useTranslation(['reviews', 'enums']);
  const { locale } = useLocale();
  return (
    <section className="card stack" aria-labelledby="idea-heading">
      <h2 id="idea-heading" className="card__title">
        {t('review.idea')}
      </h2>
      {blind ? <p className="alert alert--info">{t('review.blindNote')}</p> : null}
      <dl className="review-facts">
        {idea.submitter ? (
          <div>
            <dt>{t('review.submitter')}</dt>
            <dd>
              <bdi>{idea.submitter.displayName}</bdi>
              {idea.submitter.category ? ` (${t(`enums:OccupationCategory.${idea.submitter.category}`)})` : ''}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('review.domain')}</dt>
          <dd>{t(`enums:Domain.${idea.domain}`)}</dd>
        </div>
        <div>
          <dt>{t('review.target')}</dt>
          <dd>
            {pick(idea.targetCity.name, locale)}
            {locale === 'fa' ? '، ' : ', '}
            {countryName(idea.targetCity.country, locale)}
          </dd>
        </div>
      </dl>
      <div>
        <h3>{t('review.summary')}</h3>
        <p className="review-text" dir="auto">{idea.summary || '—'}</p>
      </div>
      <div>
        <h3>{t('review.body')}</h3>
        <p className="review-text" dir="auto">{idea.body || '—'}</p>
      </div>
      {idea.channel ? (
        <div>
          <h3>{t('review.channel')}</h3>
          <p className="review-text" dir="auto">
            <Badge>{t(`enums:TieKind.${idea.channel.kind}`)}</Badge>{' '}
            {t('review.channelYears', { years: formatNumber(idea.channel.years, locale) })} — <bdi>{idea.channel.description}</bdi>
          </p>
        </div>
      ) : null}
      {idea.partners.length ? (
        <div>
          <h3>{t('review.partners')}</h3>
          <ul>
            {idea.partners.map((partner, index) => (
              <li key={index}>
                <bdi>{partner.name}</bdi>
                {partner.organisation ? ` (${partner.organisation})` : ''}
                {partner.country ? ` — ${countryName(partner.country, locale)}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3>{t('review.expectedOutcomes')}</h3>
        <p className="review-text" dir="auto">{idea.expectedOutcomes || '—'}</p>
      </div>
    </section>
  );
}

/** The submitted reviews, mine among them, once I have submitted mine (the API answers `review_first` before). */
function OthersReviews({ ideaId, criteria, enabled }: { ideaId: string; criteria: Criterion[]; enabled: boolean }) {
  const { t } = useTranslation(['reviews', 'enums']);
  const { locale } = useLocale();
  const reviews = useQuery({ ...reviewsQuery(ideaId), enabled });
  const n = (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options);
  // The scores in the rubric's order, then any the rubric no longer has.
  const ordered = (scores: Record<string, number>) => {
    const rank = (key: string) => {
      const index = criteria.findIndex((c) => c.key === key);
      return index < 0 ? criteria.length : index;
    };
    return Object.entries(scores).sort(([a], [b]) => rank(a) - rank(b));
  };
  const label = (key: string) => {
    const criterion = criteria.find((c) => c.key === key);
    return criterion ? pick(criterion.label, locale) : key;
  };
  return (
    <section className="card stack" aria-labelledby="others-heading">
      <h2 id="others-heading" className="card__title">
        {t('others.title')}
      </h2>
      {!enabled ? (
        <p className="muted">{t('others.reviewFirst')}</p>
      ) : (
        <QueryState query={reviews}>
          {(list) =>
            list.items.length === 0 ? (
              <p>{t('others.empty')}</p>
            ) : (
              <div className="grid">
                {list.items.map(({ author, review }) => {
                  const who = author.mine ? t('others.mine') : t('others.reviewer', { number: n(author.number) });
                  return (
                    <article key={review.id} className="card stack" aria-label={who}>
                      <h3>
                        {who}
                        {!author.mine && author.displayName ? ` — ${author.displayName}` : ''}
                        {author.organisation ? ` (${t(`enums:Organisation.${author.organisation}`)})` : ''}
                      </h3>
                      <dl className="review-facts">
                        <div>
                          <dt>{t('others.total')}</dt>
                          <dd>{review.total === null || review.total === undefined ? '—' : n(review.total, { maximumFractionDigits: 1 })}</dd>
                        </div>
                        <div>
                          <dt>{t('others.recommendation')}</dt>
                          <dd>{review.recommendation ? t(`enums:Recommendation.${review.recommendation}`) : '—'}</dd>
                        </div>
                      </dl>
                      <TableScroll label={t('others.scoresLabel', { who })}>
                        <table className="table">
                          <caption className="visually-hidden">{t('others.scoresLabel', { who })}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('others.criterion')}</th>
                              <th scope="col" className="num">
                                {t('others.score')}
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {ordered(review.scores).map(([key, score]) => (
                              <tr key={key}>
                                <td>{label(key)}</td>
                                <td className="num">{n(score)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </TableScroll>
                      {review.commentToSubmitter ? (
                        <p className="review-text" dir="auto">
                          <strong>{t('others.comment')}:</strong> {review.commentToSubmitter}
                        </p>
                      ) : null}
                      {review.commentToStaff ? (
                        <p className="review-text" dir="auto">
                          <strong>{t('others.commentToStaff')}:</strong> {review.commentToStaff}
                        </p>
                      ) : null}
                    </article>
                  );
                })}
              </div>
            )
          }
        </QueryState>
      )}
    </section>
  );
}

/** Declaring a conflict of interest, with a reason for staff: the assignment is declined and the idea leaves my list. */
function DeclareConflict({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation(['reviews', 'common']);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const declare = useMutation(declareConflict(ideaId));
  const submit = ({ reason }: { reason: string }) =>
    declare.mutate(reason.trim(), {
      onSuccess: () => void navigate('/review', { state: { conflict: true } }),
      onError: (error) => applyFieldErrors(errorText, error, form.setError),
    });
  return (
    <section className="card stack" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" className="card__title">
        {t('conflict.title')}
      </h2>
      <p className="muted">{t('conflict.lead')}</p>
      {!open ? (
        <div>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t('conflict.declare')}
          </Button>
        </div>
      ) : (
        <form className="form narrow" noValidate onSubmit={form.handleSubmit(submit)}>
          <Field label={t('conflict.reason')} hint={t('conflict.reasonHint')} error={form.formState.errors.reason?.message} required>
            {(control) => (
              <textarea
                {...control}
                dir="auto"
                rows={3}
                maxLength={1000}
                {...form.register('reason', { validate: (value) => Boolean(value.trim()) || errorText.required })}
              />
            )}
          </Field>
          <ProblemAlert error={declare.error} />
          <div className="row">
            <Button type="submit" variant="danger" busy={declare.isPending}>
              {t('conflict.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common:actions.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
