import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { AssignmentBoardPage } from './AssignmentBoardPage';
import { ConflictsPage } from './ConflictsPage';
import { ReviewersPage } from './ReviewersPage';

export const routes: RouteObject[] = [
  { path: 'staff/reviewers', element: <RequireRole role="staff"><ReviewersPage /></RequireRole> },
  { path: 'staff/conflicts', element: <RequireRole role="staff"><ConflictsPage /></RequireRole> },
  { path: 'staff/calls/:id/assignments', element: <RequireRole role="staff"><AssignmentBoardPage /></RequireRole> },
];
