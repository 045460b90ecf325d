// The jury's reads and writes: reviewers (enrolling, changing, activating, a one-time link), conflicts of interest,
// a call's assignments (automatic, by hand, taken back), and the lists the pickers and the board need whole.
import { keepPreviousData, mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { callsQuery } from '@/lib/api/calls';
import { api, unwrap } from '@/lib/api/client';
import { allPages, PAGE } from '@/lib/api/pages';
import { keys } from '@/lib/api/queryKeys';
import type { paths, Schema } from '@/lib/api/types';

export type ReviewersQuery = NonNullable<paths['/api/v1/reviewers']['get']['parameters']['query']>;
export type ConflictsQuery = NonNullable<paths['/api/v1/conflicts']['get']['parameters']['query']>;

/** A page of reviewers with the filters, the last page shown while the next loads. */
export const reviewersQuery = (query: ReviewersQuery) =>
  queryOptions({
    queryKey: keys.reviewers.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/reviewers', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** Every reviewer (with their load in `callId`, if given), for the pickers and the board. */
export const allReviewersQuery = (callId?: string) =>
  queryOptions({
    queryKey: keys.reviewers.list({ all: true, callId }),
    queryFn: () =>
      allPages((offset) => unwrap(api.GET('/api/v1/reviewers', { params: { query: { limit: PAGE, offset, ...(callId ? { callId } : {}) } } }))),
  });

/** The calls for the pickers: a hundred, the latest first. */
export const pickerCallsQuery = () => callsQuery({ limit: PAGE });

/** Every idea of a call that staff see, by title. */
export const allCallIdeasQuery = (callId: string) =>
  queryOptions({
    queryKey: keys.calls.ideas(callId, { all: true }),
    queryFn: () =>
      allPages((offset) =>
        unwrap(api.GET('/api/v1/calls/{callId}/ideas', { params: { path: { callId }, query: { limit: PAGE, offset, sort: 'title' } } })),
      ),
  });

/** Every assignment of a call, with what staff may do with each. */
export const callAssignmentsQuery = (callId: string) =>
  queryOptions({
    queryKey: keys.calls.assignments(callId, { all: true }),
    queryFn: () =>
      allPages((offset) => unwrap(api.GET('/api/v1/calls/{id}/assignments', { params: { path: { id: callId }, query: { limit: PAGE, offset } } }))),
  });

export const conflictsQuery = (query: ConflictsQuery) =>
  queryOptions({
    queryKey: keys.conflicts.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/conflicts', { params: { query } })),
    placeholderData: keepPreviousData,
  });

const reviewersChanged = (client: QueryClient) => void client.invalidateQueries({ queryKey: keys.reviewers.all });

/** Enrols a reviewer (a new account comes with a one-time set-password token). */
export const enrolReviewer = () =>
  mutationOptions({
    mutationFn: (body: Schema<'CreateReviewerRequest'>) => unwrap(api.POST('/api/v1/reviewers', { body })),
    onSuccess: (_enrolled, _body, _result, { client }) => reviewersChanged(client),
  });

/** Changes a reviewer's organisation, expertise, load or activity (a reviewer has no version: no If-Match). */
export const updateReviewer = () =>
  mutationOptions({
    mutationFn: ({ id, ...body }: Schema<'UpdateReviewerRequest'> & { id: string }) =>
      unwrap(api.PATCH('/api/v1/reviewers/{id}', { params: { path: { id } }, body })),
    onSuccess: (_saved, _body, _result, { client }) => reviewersChanged(client),
  });

/** A one-time link for a reviewer to set a password. */
export const issueReviewerToken = () =>
  mutationOptions({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/reviewers/{id}/password-token', { params: { path: { id } } })),
  });

/** Records a conflict of interest: a held assignment is declined, so the call's board and the loads change. */
export const recordConflict = () =>
  mutationOptions({
    mutationFn: (body: Schema<'CreateConflictRequest'>) => unwrap(api.POST('/api/v1/conflicts', { body })),
    onSuccess: (conflict, _body, _result, { client }) => {
      void client.invalidateQueries({ queryKey: keys.conflicts.all });
      void client.invalidateQueries({ queryKey: keys.calls.detail(conflict.callId) });
      reviewersChanged(client);
    },
  });

/** What a change of assignments changes: the call's board and ideas, and the reviewers' loads. */
function assignmentsChanged(client: QueryClient, callId: string) {
  void client.invalidateQueries({ queryKey: keys.calls.detail(callId) });
  reviewersChanged(client);
}

/** Plans the automatic assignment (`dryRun`) or applies it. */
export const autoAssign = (callId: string) =>
  mutationOptions({
    mutationFn: (dryRun: boolean) => unwrap(api.POST('/api/v1/calls/{id}/assignments/auto', { params: { path: { id: callId } }, body: { dryRun } })),
    onSuccess: (result, _dryRun, _result, { client }) => {
      if (result.applied) assignmentsChanged(client, callId);
    },
  });

export const assign = (callId: string) =>
  mutationOptions({
    mutationFn: (body: Schema<'AssignRequest'>) => unwrap(api.POST('/api/v1/calls/{id}/assignments', { params: { path: { id: callId } }, body })),
    onSuccess: (_assignment, _body, _result, { client }) => assignmentsChanged(client, callId),
  });

/** Takes an idea back from a reviewer. */
export const unassign = (callId: string) =>
  mutationOptions({
    mutationFn: (assignment: Schema<'AssignmentView'>) => unwrap(api.DELETE('/api/v1/assignments/{id}', { params: { path: { id: assignment.id } } })),
    onSuccess: (_answer, _assignment, _result, { client }) => assignmentsChanged(client, callId),
  });
