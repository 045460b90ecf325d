import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FileSection } from '@/components/files/FileSection';
import { Badge, Card, Page } from '@/components/ui/Page';
import { QueryState } from '@/components/ui/QueryState';
import { Day } from '@/components/ui/Time';
import { ideaQuery } from '@/lib/api/ideas';
import type { Schema } from '@/lib/api/types';
import { countryName } from '@/lib/format/countries';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { ideaActivitiesQuery } from './api';
import './public.css';

/** One selected idea as the public may read it, with the activities that grew from it. */
export function SelectedIdeaPage() {
  const { id = '' } = useParams();
  const idea = useQuery(ideaQuery(id));
  return <QueryState query={idea}>{(found) => <SelectedIdeaView idea={found} />}</QueryState>;
}

function SelectedIdeaView({ idea }: { idea: Schema<'IdeaView'> }) {
  const { t } = useTranslation(['public', 'enums']);
  const { locale } = useLocale();
  const activities = useQuery(ideaActivitiesQuery(idea.id));
  return (
    <Page title={idea.title} actions={<Link to="/selected">{t('selected.all')}</Link>}>
      <div className="stack">
        <p className="row">
          <Badge tone="info">{t(`enums:Domain.${idea.domain}`)}</Badge>
          <span>
            {t('selected.place', { city: pick(idea.targetCity.name, locale), country: countryName(idea.targetCity.country, locale) })}
          </span>
        </p>
        <p className="page__lead" dir="auto">
          {idea.summary}
        </p>
        <Card title={t('selected.description')}>
          <p dir="auto" className="prose">
            {idea.body}
          </p>
        </Card>
        {idea.expectedOutcomes ? (
          <Card title={t('selected.outcomes')}>
            <p dir="auto" className="prose">
              {idea.expectedOutcomes}
            </p>
          </Card>
        ) : null}
        {idea.partners.length ? (
          <Card title={t('selected.partners')}>
            <ul>
              {idea.partners.map((partner) => (
                <li key={partner.name} dir="auto">
                  {partner.name}
                  {partner.country ? ` (${countryName(partner.country, locale)})` : ''}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {/* The documents its submitter agreed to publish, if any. */}
        <FileSection owner={{ kind: 'idea', id: idea.id }} title={t('selected.files')} canAdd={false} hideWhenEmpty />
        <Card title={t('selected.grewInto')}>
          <QueryState query={activities}>
            {(page) =>
              page.items.length === 0 ? (
                <p className="muted">{t('selected.nothingYet')}</p>
              ) : (
                <ul className="timeline">
                  {page.items.map((activity) => (
                    <li key={activity.id}>
                      <Day value={activity.occurredOn} /> · {t(`enums:ActivityKind.${activity.kind}`)} ·{' '}
                      <strong>{pick(activity.title, locale)}</strong>
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </Card>
      </div>
    </Page>
  );
}
