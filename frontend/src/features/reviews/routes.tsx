import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { MyAssignmentsPage } from './MyAssignmentsPage';
import { ReviewPage } from './ReviewPage';

export const routes: RouteObject[] = [
  { path: 'review', element: <RequireRole role="reviewer"><MyAssignmentsPage /></RequireRole> },
  { path: 'review/:ideaId', element: <RequireRole role="reviewer"><ReviewPage /></RequireRole> },
];
