import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const PublicStatsPage = lazyPage(() => import('./PublicStatsPage'), 'PublicStatsPage');
const StaffStatsPage = lazyPage(() => import('./StaffStatsPage'), 'StaffStatsPage');

export const routes: RouteObject[] = [
  { path: 'stats', element: <PublicStatsPage /> },
  {
    path: 'staff/calls/:id/stats',
    element: (
      <RequireRole role="staff">
        <StaffStatsPage />
      </RequireRole>
    ),
  },
];
