import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Badge, TableScroll } from '@/components/ui/Page';
import { Pagination } from '@/components/ui/Pagination';
import { QueryState } from '@/components/ui/QueryState';
import { Day } from '@/components/ui/Time';
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';
import { countryName, countryOptions } from '@/lib/format/countries';
import { formatNumber } from '@/lib/format/numbers';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { KINDS, PAGE_SIZE, registerQuery, SORTS, STATES, stateTone, withFilter } from './registerQuery';

type Props = {
  /** Where a partnership's own page is: `/sister-cities` for the public, `/staff/partnerships` for staff. */
  basePath: string;
  staff?: boolean;
};

/** The register of partnerships with its filters (kept in the address), sorting and pages. */
export function PartnershipRegister({ basePath, staff = false }: Props) {
  const { t } = useTranslation(['partnerships', 'enums', 'common']);
  const [search, setSearch] = useSearchParams();
  const query = registerQuery(search);
  const list = useQuery({
    queryKey: keys.partnerships.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/partnerships', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const set = (name: string, value: string) => setSearch(withFilter(search, name, value));
  return (
    <div className="stack">
      <RegisterFilters search={search} onChange={set} onClear={() => setSearch(new URLSearchParams())} />
      <QueryState query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <p role="status">{t('register.none')}</p>
          ) : (
            <>
              <PartnershipTable items={page.items} basePath={basePath} staff={staff} />
              <Pagination total={page.total} limit={page.limit || PAGE_SIZE} offset={page.offset} onChange={(offset) => set('offset', offset ? String(offset) : '')} />
            </>
          )
        }
      </QueryState>
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

function PartnershipTable({ items, basePath, staff }: { items: Schema<'PartnershipView'>[]; basePath: string; staff: boolean }) {
  const { t } = useTranslation(['partnerships', 'enums', 'common']);
  const { locale } = useLocale();
  return (
    <TableScroll label={t('register.tableLabel')}>
      <table className="table table--compact">
        <caption className="visually-hidden">{t('register.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.city')}</th>
            <th scope="col">{t('columns.country')}</th>
            <th scope="col">{t('columns.kind')}</th>
            <th scope="col">{t('columns.state')}</th>
            <th scope="col">{t('columns.signedOn')}</th>
            <th scope="col">{t('columns.lastActivity')}</th>
            <th scope="col">{t('columns.health')}</th>
            {staff ? <th scope="col">{t('columns.nextReview')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={`${basePath}/${item.id}`}>
                  <bdi>{pick(item.city.name, locale)}</bdi>
                </Link>
              </th>
              <td>{countryName(item.city.country, locale)}</td>
              <td>{t(`enums:PartnershipKind.${item.kind}`)}</td>
              <td>
                <StateBadge state={item.state} />
              </td>
              <td>{item.signedOn ? <Day value={item.signedOn} style="day" /> : <span className="muted">{t('health.notSigned')}</span>}</td>
              <td>
                {item.health.lastActivityOn ? <Day value={item.health.lastActivityOn} style="day" /> : <span className="muted">{t('health.noActivity')}</span>}
                <div className="muted">{t('health.recentCount', { n: formatNumber(item.health.recentActivities, locale) })}</div>
              </td>
              <td>
                <HealthBadge health={item.health} />
              </td>
              {staff ? <td>{item.nextReviewOn ? <Day value={item.nextReviewOn} style="day" /> : '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
