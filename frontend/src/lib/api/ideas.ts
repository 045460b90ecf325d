// Reads of ideas that several features share: one idea (with what the reader may do next), its history, a page of
// ideas.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { keys } from './queryKeys';
import type { paths } from './types';

export type IdeasQuery = NonNullable<paths['/api/v1/ideas']['get']['parameters']['query']>;

/** One idea as the reader may see it, with its `allowedActions`. */
export const ideaQuery = (id: string) =>
  queryOptions({
    queryKey: keys.ideas.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/ideas/{id}', { params: { path: { id } } })),
  });

/** An idea's history, oldest first (staff see who acted and their notes). */
export const ideaEventsQuery = (id: string) =>
  queryOptions({
    queryKey: keys.ideas.events(id),
    queryFn: () => unwrap(api.GET('/api/v1/ideas/{id}/events', { params: { path: { id } } })),
  });

/** A page of the ideas the reader may see. */
export const ideasQuery = (query: IdeasQuery) =>
  queryOptions({
    queryKey: keys.ideas.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/ideas', { params: { query } })),
  });
