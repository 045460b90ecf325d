// The administration's reads and writes: accounts (roles, activation, one-time links, a lost second factor, sessions),
// the audit trail, and the outbox of e-mails (a failed one sent again).
import { keepPreviousData, mutationOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { paths, Schema } from '@/lib/api/types';

export type UsersQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;
export type OutboxQuery = NonNullable<paths['/api/v1/admin/outbox']['get']['parameters']['query']>;

export const usersQuery = (query: UsersQuery) =>
  queryOptions({
    queryKey: keys.users.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const auditEntriesQuery = (query: AuditQuery) =>
  queryOptions({
    queryKey: keys.audit.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** Changes an account's roles or activation; the list is read again. */
export const updateUser = (id: string) =>
  mutationOptions({
    mutationFn: (body: Schema<'UpdateUserRequest'>) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: (_user, _body, _result, { client }) => void client.invalidateQueries({ queryKey: keys.users.all }),
  });

/** A one-time link to set a password, for an account that has none or forgot it. */
export const issuePasswordToken = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/password-token', { params: { path: { id } } })),
  });

/** Turns off the second factor of an account whose owner lost it. */
export const resetSecondFactor = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.DELETE('/api/v1/users/{id}/second-factor', { params: { path: { id } } })),
    onSuccess: (_answer, _none, _result, { client }) => void client.invalidateQueries({ queryKey: keys.users.all }),
  });

/** Ends every session of an account. */
export const endSessions = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.DELETE('/api/v1/users/{id}/sessions', { params: { path: { id } } })),
  });

export const outboxQuery = (query: OutboxQuery) =>
  queryOptions({
    queryKey: keys.outbox.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/outbox', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** Puts a failed message back in the queue (its attempts start again); the list is read again. */
export const retryOutboxEntry = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/outbox/{id}/retry', { params: { path: { id } } })),
    onSuccess: (_entry, _none, _result, { client }) => void client.invalidateQueries({ queryKey: keys.outbox.all }),
  });
