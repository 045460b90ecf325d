// The lists the jury's pickers need whole: reviewers, calls, a call's ideas.
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';
import { allPages, PAGE } from './pages';

/** Ideas that are with the jury: they may be assigned, and their assignments count. */
export const WITH_JURY: ReadonlyArray<Schema<'IdeaState'>> = ['shortlisted', 'in_review', 'reviewed'];

export const allReviewersQuery = (callId?: string) => ({
  queryKey: keys.reviewers.list({ all: true, callId }),
  queryFn: () =>
    allPages((offset) =>
      unwrap(api.GET('/api/v1/reviewers', { params: { query: { limit: PAGE, offset, ...(callId ? { callId } : {}) } } })),
    ),
});

export const callsQuery = () => ({
  queryKey: keys.calls.list({ limit: PAGE }),
  queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query: { limit: PAGE } } })),
});

export const callIdeasQuery = (callId: string) => ({
  queryKey: keys.calls.ideas(callId, { all: true }),
  queryFn: () =>
    allPages((offset) =>
      unwrap(api.GET('/api/v1/calls/{callId}/ideas', { params: { path: { callId }, query: { limit: PAGE, offset, sort: 'title' } } })),
    ),
});

export const callAssignmentsQuery = (callId: string) => ({
  queryKey: keys.calls.assignments(callId, { all: true }),
  queryFn: () =>
    allPages((offset) =>
      unwrap(api.GET('/api/v1/calls/{id}/assignments', { params: { path: { id: callId }, query: { limit: PAGE, offset } } })),
    ),
});
