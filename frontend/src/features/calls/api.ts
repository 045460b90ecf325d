// The calls' reads and writes for staff: creating and editing a call, closing it early, its history and its rubric.
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { storeCall } from '@/lib/api/calls';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';
import { createCallRequest, updateCallRequest, type CallFormValues } from './callForm';

type CallView = Schema<'CallView'>;
type RubricView = Schema<'RubricView'>;

/** Creates a call, or changes `call` (If-Match its version). */
export const saveCall = (call?: CallView) =>
  mutationOptions({
    mutationFn: (values: CallFormValues) =>
      call
        ? unwrap(
            api.PATCH('/api/v1/calls/{id}', {
              params: { path: { id: call.id }, header: ifMatch(call.version) },
              body: updateCallRequest(call, values),
            }),
          )
        : unwrap(api.POST('/api/v1/calls', { body: createCallRequest(values) })),
    onSuccess: (saved, _values, _result, { client }) => storeCall(client, saved),
  });

/** Closes an open call now, with the reason. */
export const closeCall = (id: string) =>
  mutationOptions({
    mutationFn: (note: string) => unwrap(api.POST('/api/v1/calls/{id}/close', { params: { path: { id } }, body: { note } })),
    onSuccess: (closed, _note, _result, { client }) => storeCall(client, closed),
  });

/** A call's own history, oldest first. */
export const callEventsQuery = (id: string) =>
  queryOptions({
    queryKey: keys.calls.events(id),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}/events', { params: { path: { id } } })),
  });

/** Sets a call's rubric (If-Match the one read, if any). */
export const saveRubric = (callId: string, rubric: RubricView | null) =>
  mutationOptions({
    mutationFn: (body: Schema<'RubricRequest'>) =>
      unwrap(
        api.PUT('/api/v1/calls/{id}/rubric', {
          params: { path: { id: callId }, header: rubric ? ifMatch(rubric.version) : {} },
          body,
        }),
      ),
    onSuccess: (saved, _body, _result, { client }) => {
      client.setQueryData(keys.calls.rubric(callId), saved);
      void client.invalidateQueries({ queryKey: keys.calls.events(callId) });
      // Whether the rubric may be edited or reopened is the call's to say.
      void client.invalidateQueries({ queryKey: keys.calls.detail(callId), exact: true });
    },
  });

/** Reopens a locked rubric for changes, with the reason. */
export const reopenRubric = (callId: string, rubric: RubricView) =>
  mutationOptions({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/v1/calls/{id}/rubric/reopen', {
          params: { path: { id: callId }, header: ifMatch(rubric.version) },
          body: { reason },
        }),
      ),
    onSuccess: (opened, _reason, _result, { client }) => {
      client.setQueryData(keys.calls.rubric(callId), opened);
      void client.invalidateQueries({ queryKey: keys.calls.events(callId) });
      void client.invalidateQueries({ queryKey: keys.calls.detail(callId), exact: true });
    },
  });
