// The signed-in account's notices: the list (all or unread only), marking one or all of them read. Each change reads
// the list and the account's unread count (GET /me, which the header's bell shows) again.
import { keepPreviousData, mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { refreshMe } from '@/lib/api/me';
import { keys } from '@/lib/api/queryKeys';
import type { paths } from '@/lib/api/types';

export type NotificationsQuery = NonNullable<paths['/api/v1/me/notifications']['get']['parameters']['query']>;

export const notificationsQuery = (query: NotificationsQuery) =>
  queryOptions({
    queryKey: keys.notifications.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query } })),
    placeholderData: keepPreviousData,
  });

function afterReading(client: QueryClient) {
  void client.invalidateQueries({ queryKey: keys.notifications.all });
  void refreshMe(client);
}

/** Marks one notice read. Its options carry the follow-up, so it happens even when a link took the reader away. */
export const markNotificationRead = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: (_answer, _none, _result, { client }) => afterReading(client),
  });

export const markAllNotificationsRead = () =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/me/notifications/read')),
    onSuccess: (_answer, _none, _result, { client }) => afterReading(client),
  });
