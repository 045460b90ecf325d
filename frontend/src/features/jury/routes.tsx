import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const AssignmentBoardPage = lazyPage(() => import('./AssignmentBoardPage'), 'AssignmentBoardPage');
const ConflictsPage = lazyPage(() => import('./ConflictsPage'), 'ConflictsPage');
const ReviewersPage = lazyPage(() => import('./ReviewersPage'), 'ReviewersPage');

export const routes: RouteObject[] = [
  { path: 'staff/reviewers', element: <RequireRole role="staff"><ReviewersPage /></RequireRole> },
  { path: 'staff/conflicts', element: <RequireRole role="staff"><ConflictsPage /></RequireRole> },
  { path: 'staff/calls/:id/assignments', element: <RequireRole role="staff"><AssignmentBoardPage /></RequireRole> },
];
