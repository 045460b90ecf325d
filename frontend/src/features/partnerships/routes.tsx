import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const NetworksPage = lazyPage(() => import('./NetworksPage'), 'NetworksPage');
const PartnershipPage = lazyPage(() => import('./PartnershipPage'), 'PartnershipPage');
const RegisterPage = lazyPage(() => import('./RegisterPage'), 'RegisterPage');
const StaffPartnershipPage = lazyPage(() => import('./StaffPartnershipPage'), 'StaffPartnershipPage');
const StaffPartnershipsPage = lazyPage(() => import('./StaffPartnershipsPage'), 'StaffPartnershipsPage');

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
