// A reviewer's reads and writes: their assignments, their review of an idea (saved, submitted), the other
// reviewers' reviews once theirs is in, and declaring a conflict of interest.
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapOrNull } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';

type Review = Schema<'ReviewView'>;

// A reviewer's load in one call is at most a few dozen ideas; 100 covers every call at once.
const MY_ASSIGNMENTS = { limit: 100 };

/** The ideas I am to review, with my progress. */
export const myAssignmentsQuery = () =>
  queryOptions({
    queryKey: keys.myAssignments(MY_ASSIGNMENTS),
    queryFn: () => unwrap(api.GET('/api/v1/me/assignments', { params: { query: MY_ASSIGNMENTS } })),
  });

/** My review of an idea, with what I may do next with it; null before I first save one. */
export const myReviewQuery = (ideaId: string) =>
  queryOptions({
    queryKey: keys.ideas.review(ideaId),
    queryFn: () => unwrapOrNull(api.GET('/api/v1/ideas/{id}/review', { params: { path: { id: ideaId } } })),
  });

/** The submitted reviews of an idea, mine among them (the server answers review_first before mine is in). */
export const reviewsQuery = (ideaId: string) =>
  queryOptions({
    queryKey: keys.ideas.reviews(ideaId),
    queryFn: () => unwrap(api.GET('/api/v1/ideas/{id}/reviews', { params: { path: { id: ideaId } } })),
  });

/** My review as a change answered it, into the cache; my assignments' progress is read again. */
function storeReview(client: QueryClient, ideaId: string, review: Review) {
  client.setQueryData(keys.ideas.review(ideaId), review);
  void client.invalidateQueries({ queryKey: keys.myAssignments() });
}

export const saveReview = (ideaId: string) =>
  mutationOptions({
    mutationFn: (body: Schema<'ReviewRequest'>) => unwrap(api.PUT('/api/v1/ideas/{id}/review', { params: { path: { id: ideaId } }, body })),
    onSuccess: (review, _body, _result, { client }) => storeReview(client, ideaId, review),
  });

export const submitReview = (ideaId: string) =>
  mutationOptions({
    mutationFn: (body: Schema<'ReviewRequest'>) =>
      unwrap(api.POST('/api/v1/ideas/{id}/review/submit', { params: { path: { id: ideaId } }, body })),
    onSuccess: (review, _body, _result, { client }) => {
      storeReview(client, ideaId, review);
      void client.invalidateQueries({ queryKey: keys.ideas.reviews(ideaId) });
    },
  });

/** Declares a conflict with the idea: my assignment is declined and the idea leaves my list. */
export const declareConflict = (ideaId: string) =>
  mutationOptions({
    mutationFn: (reason: string) => unwrap(api.POST('/api/v1/ideas/{id}/conflict', { params: { path: { id: ideaId } }, body: { reason } })),
    onSuccess: (_conflict, _reason, _result, { client }) => {
      void client.invalidateQueries({ queryKey: keys.myAssignments() });
      client.removeQueries({ queryKey: keys.ideas.detail(ideaId) });
    },
  });
