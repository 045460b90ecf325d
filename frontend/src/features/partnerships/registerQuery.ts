// The register's filters live in the address (so a filtered list can be shared and survives a reload); this turns
// them into the query of GET /partnerships and back.
import type { Tone } from '@/components/ui/Page';
import type { paths, Schema } from '@/lib/api/types';

export type RegisterQuery = NonNullable<paths['/api/v1/partnerships']['get']['parameters']['query']>;
export type RegisterSort = NonNullable<RegisterQuery['sort']>;

export const PAGE_SIZE = 20;

export const SORTS = [
  'cityName',
  '-cityName',
  '-signedOn',
  'signedOn',
  '-lastActivityOn',
  'lastActivityOn',
  '-recentActivities',
  'nextReviewOn',
] as const satisfies readonly RegisterSort[];

/** Every order the register takes: the filters offer the usual ones (SORTS), a column's header either way. */
const ORDERS = [...SORTS, '-nextReviewOn', 'recentActivities'] as const satisfies readonly RegisterSort[];

export const KINDS: Schema<'PartnershipKind'>[] = ['sister_city', 'friendship_city', 'memorandum'];
export const STATES: Schema<'PartnershipState'>[] = ['in_negotiation', 'active', 'dormant', 'suspended', 'ended'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** The API query for the filters in the address; anything unknown or empty is left out. */
export function registerQuery(search: URLSearchParams): RegisterQuery {
  const query: RegisterQuery = { limit: PAGE_SIZE };
  const q = search.get('q')?.trim();
  if (q) query.q = q;
  const country = search.get('country');
  if (country && /^[A-Za-z]{2}$/.test(country)) query.country = country.toUpperCase();
  const kind = oneOf(search.get('kind'), KINDS);
  if (kind) query.kind = kind;
  const state = oneOf(search.get('state'), STATES);
  if (state) query.state = state;
  const dormant = search.get('dormant');
  if (dormant === 'true' || dormant === 'false') query.dormant = dormant === 'true';
  const sort = oneOf(search.get('sort'), ORDERS);
  if (sort) query.sort = sort;
  const offset = Number(search.get('offset'));
  if (Number.isInteger(offset) && offset > 0) query.offset = offset;
  return query;
}

/** The address's filters with one changed; any change of filter goes back to the first page. */
export function withFilter(search: URLSearchParams, name: string, value: string): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value) next.set(name, value);
  else next.delete(name);
  if (name !== 'offset') next.delete('offset');
  return next;
}

const STATE_TONES: Record<Schema<'PartnershipState'>, Tone> = {
  active: 'success',
  in_negotiation: 'info',
  dormant: 'warning',
  suspended: 'danger',
  ended: 'neutral',
};

/** The tone of a state's badge. */
export function stateTone(state: Schema<'PartnershipState'>): Tone {
  return STATE_TONES[state];
}

/** The day a partnership is (or was) flagged dormant: its basis day plus the dormancy period, as an ISO day. */
export function dormantFrom(health: Schema<'PartnershipHealthView'>): string {
  const [year, month, day] = health.basisOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + health.dormancyMonths, 1));
  // The same day of the month, or the month's last day when it is shorter (31 January + 1 month → 28/29 February).
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

/** The path of a selected idea on the public pages. */
export function selectedIdeaPath(id: string): string {
  return `/selected/${id}`;
}
