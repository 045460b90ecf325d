import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');
const OutboxPage = lazyPage(() => import('./OutboxPage'), 'OutboxPage');
const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');

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
];
