import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { UsersPage } from './UsersPage';

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
