import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { CallPage } from './CallPage';
import { CallsListPage } from './CallsListPage';
import { NewCallPage } from './NewCallPage';
import { RubricPage } from './RubricPage';

export const routes: RouteObject[] = [
  { path: '/staff/calls', element: <RequireRole role="staff"><CallsListPage /></RequireRole> },
  { path: '/staff/calls/new', element: <RequireRole role="staff"><NewCallPage /></RequireRole> },
  { path: '/staff/calls/:id', element: <RequireRole role="staff"><CallPage /></RequireRole> },
  { path: '/staff/calls/:id/rubric', element: <RequireRole role="staff"><RubricPage /></RequireRole> },
];
