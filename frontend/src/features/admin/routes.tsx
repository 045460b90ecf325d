import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');
const OutboxPage = lazyPage(() => import('./OutboxPage'), 'OutboxPage');
const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');
const WebhooksPage = lazyPage(() => import('./WebhooksPage'), 'WebhooksPage');
const WebhookPage = lazyPage(() => import('./WebhookPage'), 'WebhookPage');
const DeliveryPage = lazyPage(() => import('./DeliveryPage'), 'DeliveryPage');
const ApiKeysPage = lazyPage(() => import('./ApiKeysPage'), 'ApiKeysPage');

export const routes: RouteObject[] = [
  {
    path: 'admin/users',
    element: (
      <RequireRole role="admin">
        <UsersPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/audit',
    element: (
      <RequireRole role="admin">
        <AuditPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/outbox',
    element: (
      <RequireRole role="admin">
        <OutboxPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/webhooks',
    element: (
      <RequireRole role="admin">
        <WebhooksPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/webhooks/:id',
    element: (
      <RequireRole role="admin">
        <WebhookPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/webhooks/:id/deliveries/:deliveryId',
    element: (
      <RequireRole role="admin">
        <DeliveryPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/api-keys',
    element: (
      <RequireRole role="admin">
        <ApiKeysPage />
      </RequireRole>
    ),
  },
];
