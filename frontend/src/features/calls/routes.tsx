import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const CallPage = lazyPage(() => import('./CallPage'), 'CallPage');
const CallsListPage = lazyPage(() => import('./CallsListPage'), 'CallsListPage');
const NewCallPage = lazyPage(() => import('./NewCallPage'), 'NewCallPage');
const RubricPage = lazyPage(() => import('./RubricPage'), 'RubricPage');

export const routes: RouteObject[] = [
  { path: '/staff/calls', element: <RequireRole role="staff"><CallsListPage /></RequireRole> },
  { path: '/staff/calls/new', element: <RequireRole role="staff"><NewCallPage /></RequireRole> },
  { path: '/staff/calls/:id', element: <RequireRole role="staff"><CallPage /></RequireRole> },
  { path: '/staff/calls/:id/rubric', element: <RequireRole role="staff"><RubricPage /></RequireRole> },
];
