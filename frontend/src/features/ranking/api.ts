// The ranking and the decisions: a page of the ranking, the whole of it for deciding, the export, recording the
// decisions and publishing them.
import { keepPreviousData, mutationOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { allPages, PAGE } from '@/lib/api/pages';
import { toProblem } from '@/lib/api/problem';
import { keys } from '@/lib/api/queryKeys';
import type { paths, Schema } from '@/lib/api/types';
import { fileNameOf, saveBlob } from './download';

export type RankingQuery = NonNullable<paths['/api/v1/calls/{callId}/ranking']['get']['parameters']['query']>;
export type RankingSort = NonNullable<RankingQuery['sort']>;
type Format = NonNullable<NonNullable<paths['/api/v1/calls/{callId}/ranking/export']['get']['parameters']['query']>['format']>;

const readRanking = (callId: string, query: RankingQuery) =>
  unwrap(api.GET('/api/v1/calls/{callId}/ranking', { params: { path: { callId }, query } }));

/** A page of the ranking, the last page shown while the next loads. */
export const rankingQuery = (callId: string, query: RankingQuery) =>
  queryOptions({
    queryKey: keys.calls.ranking(callId, query),
    queryFn: () => readRanking(callId, query),
    placeholderData: keepPreviousData,
  });

/** Every idea that reached the jury, in calibrated order: the ranking, page after page. */
export const wholeRankingQuery = (callId: string) =>
  queryOptions({
    queryKey: keys.calls.ranking(callId, { all: true }),
    queryFn: () => allPages((offset) => readRanking(callId, { sort: 'calibrated', limit: PAGE, offset })),
  });

/** Downloads the ranking in `format`, in the order shown. */
export const exportRanking = (callId: string, sort: RankingSort) =>
  mutationOptions({
    mutationFn: async (format: Format) => {
      const { data, error, response } = await api.GET('/api/v1/calls/{callId}/ranking/export', {
        params: { path: { callId }, query: { format, sort } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw toProblem(error, response);
      saveBlob(data, fileNameOf(response.headers.get('Content-Disposition'), `ranking-${callId}.${format}`));
    },
  });

/** The decisions recorded so far and how many ideas each outcome has. */
export const decisionsQuery = (callId: string) =>
  queryOptions({
    queryKey: keys.calls.decisions(callId),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{callId}/decisions', { params: { path: { callId } } })),
  });

/** Records (or changes) the decisions on several ideas at once, all or none. */
export const saveDecisions = (callId: string) =>
  mutationOptions({
    mutationFn: (items: Schema<'BulkDecisionItem'>[]) =>
      unwrap(api.POST('/api/v1/calls/{callId}/decisions', { params: { path: { callId } }, body: { items } })),
    onSuccess: (_saved, _items, _result, { client }) => void client.invalidateQueries({ queryKey: keys.calls.detail(callId) }),
  });

/** Publishes the decisions: the ideas take their final states. */
export const publishDecisions = (callId: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/calls/{callId}/decisions/publish', { params: { path: { callId } } })),
    onSuccess: (_answer, _none, _result, { client }) => {
      void client.invalidateQueries({ queryKey: keys.calls.detail(callId) });
      void client.invalidateQueries({ queryKey: keys.ideas.all });
    },
  });
