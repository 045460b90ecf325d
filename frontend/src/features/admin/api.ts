// The administration's reads and writes: accounts (roles, activation, one-time links, a lost second factor, sessions),
// the audit trail, the outbox of e-mails (a failed one sent again), webhook endpoints with their deliveries, and API
// keys.
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

// Webhooks: endpoints other systems are told at when something happens, each with its log of deliveries.
export type WebhooksQuery = NonNullable<paths['/api/v1/admin/webhooks']['get']['parameters']['query']>;
export type DeliveriesQuery = NonNullable<paths['/api/v1/admin/webhooks/{id}/deliveries']['get']['parameters']['query']>;
export type CreateWebhookBody = NonNullable<paths['/api/v1/admin/webhooks']['post']['requestBody']>['content']['application/json'];
export type UpdateWebhookBody = NonNullable<paths['/api/v1/admin/webhooks/{id}']['patch']['requestBody']>['content']['application/json'];

export const webhooksQuery = (query: WebhooksQuery) =>
  queryOptions({
    queryKey: keys.webhooks.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/webhooks', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const webhookQuery = (id: string) =>
  queryOptions({
    queryKey: keys.webhooks.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/admin/webhooks/{id}', { params: { path: { id } } })),
  });

/** Registers an endpoint; the answer carries its signing secret, which is never shown again. */
export const createWebhook = () =>
  mutationOptions({
    mutationFn: (body: CreateWebhookBody) => unwrap(api.POST('/api/v1/admin/webhooks', { body })),
    onSuccess: (_created, _body, _result, { client }) => void client.invalidateQueries({ queryKey: keys.webhooks.all }),
  });

/** Changes an endpoint (its address, events, scope, description) or switches it off or on again. */
export const updateWebhook = (id: string) =>
  mutationOptions({
    mutationFn: (body: UpdateWebhookBody) => unwrap(api.PATCH('/api/v1/admin/webhooks/{id}', { params: { path: { id } }, body })),
    onSuccess: (endpoint, _body, _result, { client }) => {
      client.setQueryData(keys.webhooks.detail(id), endpoint);
      void client.invalidateQueries({ queryKey: keys.webhooks.all });
    },
  });

export const deleteWebhook = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.DELETE('/api/v1/admin/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: (_none, _body, _result, { client }) => {
      client.removeQueries({ queryKey: keys.webhooks.detail(id) });
      void client.invalidateQueries({ queryKey: keys.webhooks.lists });
    },
  });

/** A new signing secret (shown once); the previous one keeps signing until `endpoint.previousSecretExpiresAt`. */
export const rotateWebhookSecret = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/webhooks/{id}/secret', { params: { path: { id } } })),
    onSuccess: (created, _none, _result, { client }) => {
      client.setQueryData(keys.webhooks.detail(id), created.endpoint);
      void client.invalidateQueries({ queryKey: keys.webhooks.all });
    },
  });

/** Queues a test message (`webhook.ping`) to the endpoint; its log is read again. */
export const pingWebhook = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/webhooks/{id}/ping', { params: { path: { id } } })),
    onSuccess: (_delivery, _none, _result, { client }) => void client.invalidateQueries({ queryKey: keys.webhooks.deliveries(id) }),
  });

/** A page of an endpoint's deliveries, newest first (the log reads it again while one of them waits). */
export const deliveriesQuery = (id: string, query: DeliveriesQuery) =>
  queryOptions({
    queryKey: keys.webhooks.deliveryList(id, query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/webhooks/{id}/deliveries', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });

/** One delivery: its payload as sent and every attempt. */
export const deliveryQuery = (id: string, deliveryId: string) =>
  queryOptions({
    queryKey: keys.webhooks.delivery(id, deliveryId),
    queryFn: () => unwrap(api.GET('/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}', { params: { path: { id, deliveryId } } })),
  });

/** Sends a delivered or failed message again (pending once more); the log is read again. */
export const redeliver = (id: string, deliveryId: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id, deliveryId } } })),
    onSuccess: (_delivery, _none, _result, { client }) => void client.invalidateQueries({ queryKey: keys.webhooks.deliveries(id) }),
  });

// API keys: other systems calling the API on their own, each within its scopes, rate limit and lifetime.
export type ApiKeysQuery = NonNullable<paths['/api/v1/admin/api-keys']['get']['parameters']['query']>;
export type CreateApiKeyBody = NonNullable<paths['/api/v1/admin/api-keys']['post']['requestBody']>['content']['application/json'];

export const apiKeysQuery = (query: ApiKeysQuery) =>
  queryOptions({
    queryKey: keys.apiKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/api-keys', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** Issues a key; the answer carries its token, which is never shown again. */
export const issueApiKey = () =>
  mutationOptions({
    mutationFn: (body: CreateApiKeyBody) => unwrap(api.POST('/api/v1/admin/api-keys', { body })),
    onSuccess: (_created, _body, _result, { client }) => void client.invalidateQueries({ queryKey: keys.apiKeys.all }),
  });

/** Revokes a key for good: every request with it is refused from then on. */
export const revokeApiKey = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/api-keys/{id}/revoke', { params: { path: { id } } })),
    onSuccess: (_key, _none, _result, { client }) => void client.invalidateQueries({ queryKey: keys.apiKeys.all }),
  });
