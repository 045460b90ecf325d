// Screening a call's ideas: one at a time or many at once, reopening a screening, and the ideas like one.
import { keepPreviousData, mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { callIdeasQuery, type CallIdeasQuery } from '@/lib/api/calls';
import { api, unwrap } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';

/** A page of the queue: the call's ideas with the filters, the last page shown while the next loads. */
export const queueQuery = (callId: string, query: CallIdeasQuery) => ({ ...callIdeasQuery(callId, query), placeholderData: keepPreviousData });

/** After screening: the ideas, their histories and the call's figures are read again. */
function screened(client: QueryClient, callId: string) {
  void client.invalidateQueries({ queryKey: keys.calls.detail(callId) });
  void client.invalidateQueries({ queryKey: keys.ideas.all });
}

/** Shortlists or rejects many ideas at once; each answers with its new state. */
export const screenIdeas = (callId: string) =>
  mutationOptions({
    mutationFn: (body: Schema<'BulkScreeningRequest'>) => unwrap(api.POST('/api/v1/ideas/screening', { body })),
    onSuccess: (_answer, _body, _result, { client }) => screened(client, callId),
    // Refused because some ideas moved on (409): the queue is read again to show their states now.
    onError: (error, _body, _result, { client }) => {
      if (error instanceof ApiProblem && error.status === 409) screened(client, callId);
    },
  });

/** The idea as screening changed it, into the cache at once; the rest is read again. */
function storeScreened(client: QueryClient, idea: Schema<'IdeaView'>) {
  client.setQueryData(keys.ideas.detail(idea.id), idea);
  screened(client, idea.callId);
}

export const screenIdea = (id: string) =>
  mutationOptions({
    mutationFn: (body: Schema<'ScreeningRequest'>) => unwrap(api.POST('/api/v1/ideas/{id}/screening', { params: { path: { id } }, body })),
    onSuccess: (idea, _body, _result, { client }) => storeScreened(client, idea),
  });

export const reopenScreening = (id: string) =>
  mutationOptions({
    mutationFn: (body: Schema<'ReopenScreeningRequest'>) =>
      unwrap(api.POST('/api/v1/ideas/{id}/screening/reopen', { params: { path: { id } }, body })),
    onSuccess: (idea, _body, _result, { client }) => storeScreened(client, idea),
  });

/** The call's ideas most like this one, for spotting duplicates. */
export const similarIdeasQuery = (id: string) =>
  queryOptions({
    queryKey: keys.ideas.similar(id),
    queryFn: () => unwrap(api.GET('/api/v1/ideas/{id}/similar', { params: { path: { id } } })),
  });
