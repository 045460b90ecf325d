import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const MyAssignmentsPage = lazyPage(() => import('./MyAssignmentsPage'), 'MyAssignmentsPage');
const ReviewPage = lazyPage(() => import('./ReviewPage'), 'ReviewPage');

export const routes: RouteObject[] = [
  { path: 'review', element: <RequireRole role="reviewer"><MyAssignmentsPage /></RequireRole> },
  { path: 'review/:ideaId', element: <RequireRole role="reviewer"><ReviewPage /></RequireRole> },
];
