import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { PublicStatsPage } from './PublicStatsPage';
import { StaffStatsPage } from './StaffStatsPage';

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
