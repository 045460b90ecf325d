import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const NotificationsPage = lazyPage(() => import('./NotificationsPage'), 'NotificationsPage');

export const routes: RouteObject[] = [
  {
    path: 'notifications',
    element: (
      <RequireRole>
        <NotificationsPage />
      </RequireRole>
    ),
  },
];
