import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Countdown } from '@/components/ui/Countdown';
import { Badge, Card, Page } from '@/components/ui/Page';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { callsQuery } from '@/lib/api/callList';
import type { Schema } from '@/lib/api/types';
import { OFFICE_TIME_ZONE } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import './public.css';

type Call = Schema<'CallView'>;

/** The open call; when none is open, the upcoming call that opens soonest; else null. */
function useCurrentCall() {
  const open = useQuery(callsQuery({ phase: 'open', limit: 1 }));
  const noneOpen = open.isSuccess && open.data.items.length === 0;
  const upcoming = useQuery({ ...callsQuery({ phase: 'upcoming', limit: 100 }), enabled: noneOpen });
  if (!noneOpen) return { query: open, call: open.data?.items[0] ?? null };
  const soonest = [...(upcoming.data?.items ?? [])].sort((a, b) => a.opensAt.localeCompare(b.opensAt))[0] ?? null;
  return { query: upcoming, call: soonest };
}

export function HomePage() {
  const { t } = useTranslation(['public', 'common']);
  const { query, call } = useCurrentCall();
  return (
    <Page title={t('home.title')} lead={t('common:tagline')}>
      <div className="stack">
        <p>{t('home.intro')}</p>
        <QueryState query={query}>{() => (call ? <CallCard call={call} /> : <p className="alert alert--info">{t('home.noCall')}</p>)}</QueryState>
        <HowToTakePart />
        <Card title={t('home.moreTitle')}>
          <ul className="public-links">
            <li>
              <Link to="/stats">{t('home.statsLink')}</Link>
              <span className="muted">{t('home.statsText')}</span>
            </li>
            <li>
              <Link to="/selected">{t('home.selectedLink')}</Link>
              <span className="muted">{t('home.selectedText')}</span>
            </li>
            <li>
              <Link to="/sister-cities">{t('home.sisterCitiesLink')}</Link>
              <span className="muted">{t('home.sisterCitiesText')}</span>
            </li>
          </ul>
        </Card>
      </div>
    </Page>
  );
}

function CallCard({ call }: { call: Call }) {
  const { t } = useTranslation(['public', 'enums']);
  const { locale } = useLocale();
  // state-ok: display only, the card's badge, dates and countdown say whether the call is open or upcoming.
  const open = call.phase === 'open';
  return (
    <section className="card call-card" aria-labelledby="current-call">
      <p className="call-card__kicker">
        <Badge tone={open ? 'success' : 'info'}>{open ? t('home.openCall') : t('home.upcomingCall')}</Badge>
      </p>
      <h2 id="current-call">{pick(call.title, locale)}</h2>
      <p className="call-card__description">{pick(call.description, locale)}</p>
      <h3>{t('home.domains')}</h3>
      <ul className="tag-list">
        {call.domains.map((domain) => (
          <li key={domain}>
            <Badge>{t(`enums:Domain.${domain}`)}</Badge>
          </li>
        ))}
      </ul>
      <dl className="call-card__dates">
        {open ? null : (
          <div>
            <dt>{t('home.opensAt')}</dt>
            <dd>
              <Moment value={call.opensAt} style="dateTime" />
              <JalaliAlso value={call.opensAt} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('home.deadline')}</dt>
          <dd>
            <Moment value={call.closesAt} style="dateTime" />
            <JalaliAlso value={call.closesAt} />
          </dd>
        </div>
      </dl>
      {open ? (
        <Countdown until={call.closesAt} label={t('home.countdownLabel')} />
      ) : (
        <Countdown until={call.opensAt} label={t('home.opensCountdownLabel')} />
      )}
      <p className="call-card__limit">{t('home.ideasPerCitizen', { n: formatNumber(call.ideasPerCitizen, locale) })}</p>
    </section>
  );
}

const jalaliInEnglish = new Intl.DateTimeFormat('en-GB-u-ca-persian', { dateStyle: 'long', timeZone: OFFICE_TIME_ZONE });

/** In English, the Jalali day too (the office announces deadlines by it); in Persian the date is Jalali already. */
function JalaliAlso({ value }: { value: string }) {
  const { locale } = useLocale();
  if (locale === 'fa') return null;
  return (
    <span className="muted">
      {' ('}
      <time dateTime={value}>{jalaliInEnglish.format(new Date(value))}</time>
      {')'}
    </span>
  );
}

function HowToTakePart() {
  const { t } = useTranslation('public');
  return (
    <Card title={t('home.howTitle')}>
      <ol className="steps">
        <li>
          {t('home.steps.register')} <Link to="/register">{t('home.steps.registerLink')}</Link>
        </li>
        <li>
          {t('home.steps.profile')} <Link to="/profile">{t('home.steps.profileLink')}</Link>
        </li>
        <li>
          {t('home.steps.draft')} <Link to="/my/ideas/new">{t('home.steps.draftLink')}</Link>
        </li>
        <li>{t('home.steps.submit')}</li>
        <li>{t('home.steps.review')}</li>
        <li>{t('home.steps.result')}</li>
      </ol>
    </Card>
  );
}
