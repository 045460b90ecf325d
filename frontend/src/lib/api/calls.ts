// Reads of calls that several features share: one call (with what the reader may do next), a call's figures, its
// rubric and its ideas. (A page of calls, which the home page reads first, is in callList.ts: this module stays out
// of the first paint.)
import { queryOptions, type QueryClient } from '@tanstack/react-query';
export { callsQuery, type CallsQuery } from './callList';
import { api, unwrap, unwrapOrNull } from './client';
import { keys } from './queryKeys';
import type { paths, Schema } from './types';

export type CallIdeasQuery = NonNullable<paths['/api/v1/calls/{callId}/ideas']['get']['parameters']['query']>;

/** One call, with its `allowedActions` for the reader. */
export const callQuery = (id: string) =>
  queryOptions({
    queryKey: keys.calls.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })),
  });

/** A call's figures: what the public sees, more for staff. */
export const callStatsQuery = (id: string) =>
  queryOptions({
    queryKey: keys.calls.stats(id),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}/stats', { params: { path: { id } } })),
  });

/** A call's rubric, or null while it has none. */
export const rubricQuery = (id: string) =>
  queryOptions({
    queryKey: keys.calls.rubric(id),
    queryFn: () => unwrapOrNull(api.GET('/api/v1/calls/{id}/rubric', { params: { path: { id } } })),
  });

/** A page of a call's ideas, as the reader may see them. */
export const callIdeasQuery = (callId: string, query: CallIdeasQuery) =>
  queryOptions({
    queryKey: keys.calls.ideas(callId, query),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{callId}/ideas', { params: { path: { callId }, query } })),
  });

/**
 * A call as a change answered it, into the cache at once (its new version), then read again: answers to changes
 * leave `allowedActions` and `counts` out, so those last read stay shown until the fresh read says what they are now.
 */
export function storeCall(client: QueryClient, saved: Schema<'CallView'>) {
  client.setQueryData(keys.calls.detail(saved.id), (old: Schema<'CallView'> | undefined) => ({ ...saved, allowedActions: old?.allowedActions ?? [], counts: old?.counts }));
  void client.invalidateQueries({ queryKey: keys.calls.all });
}
