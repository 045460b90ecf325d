import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

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
];
