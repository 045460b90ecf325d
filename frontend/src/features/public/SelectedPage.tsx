import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, Page } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { callIdeasQuery, callsQuery } from '@/lib/api/calls';
import type { Schema } from '@/lib/api/types';
import { countryName } from '@/lib/format/countries';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import './public.css';

const PAGE = 50;

/** Calls whose decisions are published, the latest announcement first. */
export function publishedCalls(calls: Schema<'CallView'>[]): Schema<'CallView'>[] {
  return calls
    .filter((call) => call.decisionsPublishedAt)
    .sort((a, b) => (b.decisionsPublishedAt ?? '').localeCompare(a.decisionsPublishedAt ?? ''));
}

export function SelectedPage() {
  const { t } = useTranslation('public');
  const calls = useQuery(callsQuery({ phase: 'decided', limit: 100 }));
  return (
    <Page title={t('selected.title')} lead={t('selected.lead')}>
      <QueryState query={calls}>
        {(page) => {
          const decided = publishedCalls(page.items);
          if (decided.length === 0) return <p className="alert alert--info">{t('selected.none')}</p>;
          return (
            <div className="stack">
              {decided.map((call) => (
                <SelectedOfCall key={call.id} call={call} />
              ))}
            </div>
          );
        }}
      </QueryState>
    </Page>
  );
}

function SelectedOfCall({ call }: { call: Schema<'CallView'> }) {
  const { t } = useTranslation('public');
  const { locale } = useLocale();
  const [offset, setOffset] = useState(0);
  // The public sees only published selected ideas; a signed-in citizen would also get their own, hence the state.
  const query = { state: 'selected' as const, sort: 'title' as const, limit: PAGE, offset };
  const ideas = useQuery(callIdeasQuery(call.id, query));
  const headingId = `call-${call.id}`;
  return (
    <section className="card selected-call" aria-labelledby={headingId}>
      <h2 id={headingId}>{pick(call.title, locale)}</h2>
      <p className="selected-call__meta">
        {call.decisionsPublishedAt ? (
          <span>
            {t('selected.published')} <Moment value={call.decisionsPublishedAt} />
          </span>
        ) : null}
        {ideas.data ? <span>{t('selected.count', { n: formatNumber(ideas.data.total, locale) })}</span> : null}
      </p>
      <QueryState query={ideas}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('selected.noIdeas')}</p>
          ) : (
            <>
              <ul className="grid idea-list" aria-labelledby={headingId}>
                {page.items.map((idea) => (
                  <li key={idea.id} className="card idea-card">
                    <SelectedIdea idea={idea} />
                  </li>
                ))}
              </ul>
              <Pagination total={page.total} limit={PAGE} offset={offset} onChange={setOffset} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function SelectedIdea({ idea }: { idea: Schema<'IdeaView'> }) {
  const { t } = useTranslation(['public', 'enums']);
  const { locale } = useLocale();
  return (
    <article>
      <h3 dir="auto">
        <Link to={`/selected/${idea.id}`}>{idea.title}</Link>
      </h3>
      <p dir="auto">{idea.summary}</p>
      <dl className="idea-card__facts">
        <div>
          <dt>{t('selected.domain')}</dt>
          <dd>
            <Badge tone="info">{t(`enums:Domain.${idea.domain}`)}</Badge>
          </dd>
        </div>
        <div>
          <dt>{t('selected.target')}</dt>
          <dd>
            {t('selected.place', { city: pick(idea.targetCity.name, locale), country: countryName(idea.targetCity.country, locale) })}
          </dd>
        </div>
      </dl>
    </article>
  );
}
