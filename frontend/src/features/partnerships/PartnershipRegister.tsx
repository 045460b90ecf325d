import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FilterFold } from '@/components/ui/FilterFold';
import { Badge } from '@/components/ui/Page';
import { PagedTable, type Column, type PageOf } from '@/components/ui/PagedTable';
import { QueryState } from '@/components/ui/QueryState';
import { Day } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { countryName, countryOptions } from '@/lib/format/countries';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { registerPageQuery } from './api';
import { KINDS, registerQuery, SORTS, STATES, stateTone, withFilter } from './registerQuery';

type Props = {
  /** Where a partnership's own page is: `/sister-cities` for the public, `/staff/partnerships` for staff. */
  basePath: string;
  staff?: boolean;
};

/** The address's filters of the register (its sort order is not one). */
const FILTERS = ['q', 'country', 'kind', 'state', 'dormant'];

/** The register of partnerships with its filters (kept in the address; folded on a phone), sorting and pages. */
export function PartnershipRegister({ basePath, staff = false }: Props) {
  const [search, setSearch] = useSearchParams();
  const query = registerQuery(search);
  const list = useQuery(registerPageQuery(query));
  const set = (name: string, value: string) => setSearch(withFilter(search, name, value));
  return (
    <div className="stack">
      <FilterFold active={FILTERS.filter((name) => search.get(name)).length}>
        <RegisterFilters search={search} onChange={set} onClear={() => setSearch(new URLSearchParams())} />
      </FilterFold>
      <QueryState query={list}>{(page) => <PartnershipTable page={page} basePath={basePath} staff={staff} />}</QueryState>
    </div>
  );
}

function RegisterFilters({ search, onChange, onClear }: { search: URLSearchParams; onChange: (name: string, value: string) => void; onClear: () => void }) {
  const { t } = useTranslation(['partnerships', 'enums', 'common']);
  const { locale } = useLocale();
  const [text, setText] = useState(search.get('q') ?? '');
  const [lastQ, setLastQ] = useState(search.get('q') ?? '');
  // The address changed from elsewhere (back button, "clear"): show its text.
  if ((search.get('q') ?? '') !== lastQ) {
    setLastQ(search.get('q') ?? '');
    setText(search.get('q') ?? '');
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange('q', text.trim());
  };
  const select = (name: string, label: string, options: { value: string; label: string }[], withAll = true) => (
    <Field label={label}>
      {(control) => (
        <select {...control} value={search.get(name) ?? ''} onChange={(event) => onChange(name, event.target.value)}>
          {withAll ? <option value="">{t('filters.all')}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const hasFilters = ['q', 'country', 'kind', 'state', 'dormant', 'sort'].some((name) => search.get(name));
  return (
    <form role="search" aria-label={t('filters.label')} className="filters card" noValidate onSubmit={submit}>
      <div className="filters__text">
        <Field label={t('filters.q')}>{(control) => <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} />}</Field>
        <Button type="submit" variant="secondary">
          {t('filters.search')}
        </Button>
      </div>
      <div className="filters__grid">
        {select(
          'country',
          t('filters.country'),
          countryOptions(locale).map((c) => ({ value: c.code, label: c.name })),
        )}
        {select(
          'kind',
          t('filters.kind'),
          KINDS.map((kind) => ({ value: kind, label: t(`enums:PartnershipKind.${kind}`) })),
        )}
        {select(
          'state',
          t('filters.state'),
          STATES.map((state) => ({ value: state, label: t(`enums:PartnershipState.${state}`) })),
        )}
        {select('dormant', t('filters.dormant'), [
          { value: 'true', label: t('filters.dormantOnly') },
          { value: 'false', label: t('filters.aliveOnly') },
        ])}
        {select(
          'sort',
          t('filters.sort'),
          SORTS.map((sort) => ({ value: sort === 'cityName' ? '' : sort, label: t(`filters.sorts.${sort}`) })),
          false,
        )}
      </div>
      {hasFilters ? (
        <div>
          <Button variant="quiet" onClick={onClear}>
            {t('filters.clear')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

export function StateBadge({ state }: { state: Schema<'PartnershipState'> }) {
  const { t } = useTranslation('enums');
  return <Badge tone={stateTone(state)}>{t(`PartnershipState.${state}`)}</Badge>;
}

export function HealthBadge({ health }: { health: Schema<'PartnershipHealthView'> }) {
  const { t } = useTranslation('partnerships');
  return health.dormant ? <Badge tone="warning">{t('health.dormant')}</Badge> : <Badge tone="success">{t('health.alive')}</Badge>;
}

/** The register's table: each partnership's city (linking to its page), kind, state, dates and health. */
function PartnershipTable({ page, basePath, staff }: { page: PageOf<Schema<'PartnershipView'>>; basePath: string; staff: boolean }) {
  const { t } = useTranslation(['partnerships', 'enums', 'common']);
  const { locale } = useLocale();
  const columns: Column<Schema<'PartnershipView'>>[] = [
    {
      key: 'city',
      header: t('columns.city'),
      sort: 'cityName',
      rowHeader: true,
      cell: (item) => (
        <Link to={`${basePath}/${item.id}`}>
          <bdi>{pick(item.city.name, locale)}</bdi>
        </Link>
      ),
    },
    { key: 'country', header: t('columns.country'), cell: (item) => countryName(item.city.country, locale) },
    { key: 'kind', header: t('columns.kind'), cell: (item) => t(`enums:PartnershipKind.${item.kind}`) },
    { key: 'state', header: t('columns.state'), cell: (item) => <StateBadge state={item.state} /> },
    {
      key: 'signedOn',
      header: t('columns.signedOn'),
      sort: 'signedOn',
      firstDirection: 'desc',
      cell: (item) => (item.signedOn ? <Day value={item.signedOn} style="day" /> : <span className="muted">{t('health.notSigned')}</span>),
    },
    {
      key: 'lastActivity',
      header: t('columns.lastActivity'),
      sort: 'lastActivityOn',
      firstDirection: 'desc',
      cell: (item) => (
        <>
          {item.health.lastActivityOn ? <Day value={item.health.lastActivityOn} style="day" /> : <span className="muted">{t('health.noActivity')}</span>}
          <div className="muted">{t('health.recentCount', { n: formatNumber(item.health.recentActivities, locale) })}</div>
        </>
      ),
    },
    { key: 'health', header: t('columns.health'), cell: (item) => <HealthBadge health={item.health} /> },
    ...(staff
      ? [
          {
            key: 'nextReview',
            header: t('columns.nextReview'),
            sort: 'nextReviewOn',
            cell: (item) => (item.nextReviewOn ? <Day value={item.nextReviewOn} style="day" /> : '—'),
          } satisfies Column<Schema<'PartnershipView'>>,
        ]
      : []),
  ];
  return (
    <PagedTable
      label={t('register.tableLabel')}
      caption={t('register.caption')}
      className="table--compact"
      columns={columns}
      page={page}
      rowKey={(item) => item.id}
      empty={t('register.none')}
      defaultSort="cityName"
    />
  );
}
