import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { NetworksPage } from './NetworksPage';
import { PartnershipPage } from './PartnershipPage';
import { RegisterPage } from './RegisterPage';
import { StaffPartnershipPage } from './StaffPartnershipPage';
import { StaffPartnershipsPage } from './StaffPartnershipsPage';

export const routes: RouteObject[] = [
  { path: 'sister-cities', element: <RegisterPage /> },
  { path: 'sister-cities/:id', element: <PartnershipPage /> },
  {
    path: 'staff/partnerships',
    element: (
      <RequireRole role="staff">
        <StaffPartnershipsPage />
      </RequireRole>
    ),
  },
  {
    path: 'staff/partnerships/:id',
    element: (
      <RequireRole role="staff">
        <StaffPartnershipPage />
      </RequireRole>
    ),
  },
  {
    path: 'staff/networks',
    element: (
      <RequireRole role="staff">
        <NetworksPage />
      </RequireRole>
    ),
  },
];
