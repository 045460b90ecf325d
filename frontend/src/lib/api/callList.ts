// A page of calls: the home page's first read, shared with the pages that list or pick calls. A module of its own so
// that the first paint carries this read alone, not every shared read of calls.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { keys } from './queryKeys';
import type { paths } from './types';

export type CallsQuery = NonNullable<paths['/api/v1/calls']['get']['parameters']['query']>;

/** A page of calls, the latest opening first. */
export const callsQuery = (query: CallsQuery) =>
  queryOptions({
    queryKey: keys.calls.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query } })),
  });
