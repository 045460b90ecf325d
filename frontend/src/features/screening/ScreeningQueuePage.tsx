import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { CallTabs } from '@/components/CallTabs';
import { Button } from '@/components/ui/Button';
import { FilterFold } from '@/components/ui/FilterFold';
import { Badge, Card, Page } from '@/components/ui/Page';
import { PagedTable, usePaging, type Column } from '@/components/ui/PagedTable';
import { Notice, ProblemAlert } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { callQuery, type CallIdeasQuery } from '@/lib/api/calls';
import { useErrorText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import type { Schema } from '@/lib/api/types';
import { countryName, countryOptions } from '@/lib/format/countries';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { queueQuery, screenIdeas } from './api';
import { ReasonForm, type ChosenReason } from './ReasonForm';
import { stateTone } from './tones';
import './screening.css';

type IdeaState = Schema<'IdeaState'>;
type Domain = Schema<'Domain'>;
type IdeaView = Schema<'IdeaView'>;

const STATES: IdeaState[] = ['submitted', 'shortlisted', 'rejected', 'in_review', 'reviewed', 'selected', 'not_selected', 'withdrawn', 'draft'];
const DOMAINS: Domain[] = ['cultural', 'economic', 'scientific', 'tourism', 'urban_services', 'sports', 'media', 'health_and_crisis_relief', 'other'];
type Sort = NonNullable<CallIdeasQuery['sort']>;
const LIMIT = 20;
const SORTS: readonly Sort[] = ['submittedAt', '-submittedAt', 'title', '-title', 'createdAt', '-createdAt'];

/** Whether the server lets staff screen the idea now (it is submitted and waits for screening). */
const screenable = (idea: IdeaView) => idea.allowedActions.includes('screen');

/** One idea a bulk screening refused: the answer's `errors` point at it in the request (`/ideaIds/<n>`). */
type Refused = { id: string; code: string; message: string };

/** The ideas a refused bulk screening named, in the order they were sent. */
export function refusedIdeas(error: unknown, sent: readonly string[] | undefined): Refused[] {
  if (!(error instanceof ApiProblem) || !sent) return [];
  return (error.problem.errors ?? []).flatMap((item) => {
    const index = /^\/ideaIds\/(\d+)$/.exec(item.pointer)?.[1];
    const id = index === undefined ? undefined : sent[Number(index)];
    return id ? [{ id, code: item.code, message: item.message }] : [];
  });
}

/** A call's ideas to screen: filters, search, pages, and screening many at once. */
export function ScreeningQueuePage() {
  const { id: callId = '' } = useParams();
  const { t } = useTranslation(['screening', 'enums', 'common']);
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const paging = usePaging('-submittedAt');
  const sort = SORTS.find((value) => value === paging.sort);
  const state = STATES.find((s) => s === params.get('state'));
  const domain = DOMAINS.find((d) => d === params.get('domain'));
  const targetCountry = params.get('country') ?? undefined;
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  // The selected ideas, by id, with their titles for the result.
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [results, setResults] = useState<Schema<'IdeaStateView'>[] | null>(null);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());

  const call = useQuery(callQuery(callId));
  const query: CallIdeasQuery = { state, domain, targetCountry, q: q || undefined, sort, limit: LIMIT, offset: paging.offset };
  const ideas = useQuery(queueQuery(callId, query));

  const setFilter = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    if (!('offset' in next)) merged.delete('offset');
    setParams(merged, { replace: true });
  };

  const screen = useMutation(screenIdeas(callId));
  const screenSelected = (decision: Schema<'ScreeningDecision'>, chosen?: ChosenReason, showErrors?: (error: Error) => void) => {
    // The titles of what was sent, for the result or for naming the ideas a refusal points at.
    setTitles(new Map(selected));
    setResults(null);
    screen.mutate(
      { ideaIds: [...selected.keys()], decision, reason: chosen?.reason ?? null, note: chosen?.note ?? null },
      {
        onSuccess: (answer) => {
          setResults(answer.items);
          setSelected(new Map());
        },
        onError: showErrors,
      },
    );
  };
  // A refusal names the ideas that could not take the screening (none was screened): they are shown, marked in
  // the table, and may be taken out of the selection to send the rest again.
  const refused = refusedIdeas(screen.error, screen.variables?.ideaIds);
  const refusedIds = new Set(refused.map((r) => r.id));
  const dropRefused = () => {
    const next = new Map(selected);
    for (const id of refusedIds) next.delete(id);
    setSelected(next);
    screen.reset();
  };

  const toggle = (idea: IdeaView, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(idea.id, idea.title);
    else next.delete(idea.id);
    setSelected(next);
  };

  const base = `/staff/calls/${callId}/screening`;
  const callTitle = call.data ? pick(call.data.title, locale) : '';
  const count = formatNumber(selected.size, locale);
  const countries = countryOptions(locale);
  const columns = (items: IdeaView[]): Column<IdeaView>[] => [
    {
      key: 'select',
      className: 'screening__select',
      header: <SelectAll ideas={items} selected={selected} onChange={setSelected} />,
      cell: (idea) => (
        <input
          type="checkbox"
          aria-label={t('queue.select', { title: idea.title })}
          title={screenable(idea) ? undefined : t('queue.notScreenable')}
          checked={selected.has(idea.id)}
          disabled={!screenable(idea)}
          onChange={(e) => toggle(idea, e.target.checked)}
        />
      ),
    },
    {
      key: 'title',
      header: t('queue.columns.title'),
      sort: 'title',
      className: 'screening__title',
      cell: (idea) => (
        <>
          <Link to={`${base}/${idea.id}`}>
            <bdi>{idea.title}</bdi>
          </Link>
          {refusedIds.has(idea.id) ? (
            <>
              {' '}
              <Badge tone="warning">{t('queue.refused')}</Badge>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'state', header: t('queue.columns.state'), cell: (idea) => <Badge tone={stateTone[idea.state]}>{t(`enums:IdeaState.${idea.state}`)}</Badge> },
    { key: 'domain', header: t('queue.columns.domain'), cell: (idea) => t(`enums:Domain.${idea.domain}`) },
    {
      key: 'target',
      header: t('queue.columns.target'),
      cell: (idea) => t('queue.place', { city: pick(idea.targetCity.name, locale), country: countryName(idea.targetCity.country, locale) }),
    },
    {
      key: 'submitted',
      header: t('queue.columns.submitted'),
      sort: 'submittedAt',
      firstDirection: 'desc',
      cell: (idea) => (idea.submittedAt ? <Moment value={idea.submittedAt} /> : '—'),
    },
    {
      key: 'similar',
      header: t('queue.columns.similar'),
      cell: (idea) =>
        idea.bestMatch ? (
          <>
            <Link to={`${base}/${idea.bestMatch.ideaId}`}>
              <bdi>{idea.bestMatch.title}</bdi>
            </Link>{' '}
            <span className="muted">({t('queue.similarity', { score: formatNumber(idea.bestMatch.score, locale, { style: 'percent' }) })})</span>
          </>
        ) : (
          <span aria-hidden="true">{t('queue.noMatch')}</span>
        ),
    },
  ];

  return (
    <Page title={callTitle ? `${t('queue.title')}: ${callTitle}` : t('queue.title')} lead={t('queue.lead')}>
      <CallTabs callId={callId} />
      <div className="stack">
        <FilterFold active={[state, domain, targetCountry, q].filter(Boolean).length}>
          <Card title={t('queue.filters')}>
            <div className="stack">
              <form
                className="screening__search"
                role="search"
                onSubmit={(event) => {
                  event.preventDefault();
                  setFilter({ q: search.trim() || undefined });
                }}
              >
                <div className="field">
                  <label className="field__label" htmlFor="screening-q">
                    {t('queue.search')}
                  </label>
                  <p id="screening-q-hint" className="field__hint">
                    {t('queue.searchHint')}
                  </p>
                  <input id="screening-q" type="search" aria-describedby="screening-q-hint" value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} />
                </div>
                <Button type="submit" variant="secondary">
                  {t('common:actions.search')}
                </Button>
              </form>
              <div className="screening__filters">
                <div className="field">
                  <label className="field__label" htmlFor="screening-state">
                    {t('queue.state')}
                  </label>
                  <select id="screening-state" value={state ?? ''} onChange={(e) => setFilter({ state: e.target.value || undefined })}>
                    <option value="">{t('queue.allStates')}</option>
                    {STATES.map((s) => (
                      <option key={s} value={s}>
                        {t(`enums:IdeaState.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label className="field__label" htmlFor="screening-domain">
                    {t('queue.domain')}
                  </label>
                  <select id="screening-domain" value={domain ?? ''} onChange={(e) => setFilter({ domain: e.target.value || undefined })}>
                    <option value="">{t('queue.allDomains')}</option>
                    {DOMAINS.map((d) => (
                      <option key={d} value={d}>
                        {t(`enums:Domain.${d}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label className="field__label" htmlFor="screening-country">
                    {t('queue.country')}
                  </label>
                  <select id="screening-country" value={targetCountry ?? ''} onChange={(e) => setFilter({ country: e.target.value || undefined })}>
                    <option value="">{t('queue.allCountries')}</option>
                    {countries.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            </div>
          </Card>
        </FilterFold>

        <Card title={t('bulk.title')}>
          <div className="stack">
            <p role="status">{selected.size ? t('bulk.selected', { n: count }) : t('bulk.none')}</p>
            <ProblemAlert error={screen.error} />
            {refused.length ? (
              <div className="stack">
                <p>{t('bulk.refused')}</p>
                <ul className="screening__results" aria-label={t('bulk.refusedList')}>
                  {refused.map((item) => (
                    <li key={item.id}>
                      <Link to={`${base}/${item.id}`}>
                        <bdi>{titles.get(item.id) ?? item.id}</bdi>
                      </Link>
                      : {errorText.field(item.code, item.message)}
                    </li>
                  ))}
                </ul>
                <div className="row">
                  <Button variant="secondary" onClick={dropRefused}>
                    {t('bulk.dropRefused')}
                  </Button>
                </div>
              </div>
            ) : null}
            {results ? (
              <Notice>
                <p>{t('bulk.resultsLead', { n: formatNumber(results.length, locale) })}</p>
                <ul className="screening__results" aria-label={t('bulk.results')}>
                  {results.map((item) => (
                    <li key={item.ideaId}>
                      <Link to={`${base}/${item.ideaId}`}><bdi>{titles.get(item.ideaId) ?? item.ideaId}</bdi></Link>: {t(`enums:IdeaState.${item.state}`)}
                    </li>
                  ))}
                </ul>
              </Notice>
            ) : null}
            {selected.size ? (
              <>
                <div className="row">
                  <Button busy={screen.isPending && screen.variables?.decision === 'shortlist'} onClick={() => screenSelected('shortlist')}>
                    {t('bulk.shortlist')}
                  </Button>
                  <Button variant="quiet" onClick={() => setSelected(new Map())}>
                    {t('bulk.clear')}
                  </Button>
                </div>
                <ReasonForm
                  reasonLabel={t('decision.reason')}
                  submitLabel={t('bulk.reject')}
                  busy={screen.isPending && screen.variables?.decision === 'reject'}
                  onSubmit={(chosen, showErrors) => screenSelected('reject', chosen, showErrors)}
                />
              </>
            ) : null}
          </div>
        </Card>

        <QueryState query={ideas}>
          {(page) => (
            <PagedTable
              label={t('queue.tableLabel')}
              columns={columns(page.items)}
              page={page}
              rowKey={(idea) => idea.id}
              empty={t('queue.empty')}
              defaultSort="-submittedAt"
            />
          )}
        </QueryState>
      </div>
    </Page>
  );
}

function SelectAll({ ideas, selected, onChange }: { ideas: IdeaView[]; selected: Map<string, string>; onChange: (next: Map<string, string>) => void }) {
  const { t } = useTranslation('screening');
  const open = ideas.filter(screenable);
  const all = open.length > 0 && open.every((idea) => selected.has(idea.id));
  return (
    <input
      type="checkbox"
      aria-label={t('queue.selectAll')}
      checked={all}
      disabled={open.length === 0}
      onChange={(e) => {
        const next = new Map(selected);
        for (const idea of open) {
          if (e.target.checked) next.set(idea.id, idea.title);
          else next.delete(idea.id);
        }
        onChange(next);
      }}
    />
  );
}
