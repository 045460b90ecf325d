import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const IdeaScreeningPage = lazyPage(() => import('./IdeaScreeningPage'), 'IdeaScreeningPage');
const ScreeningQueuePage = lazyPage(() => import('./ScreeningQueuePage'), 'ScreeningQueuePage');

export const routes: RouteObject[] = [
  { path: '/staff/calls/:id/screening', element: <RequireRole role="staff"><ScreeningQueuePage /></RequireRole> },
  { path: '/staff/calls/:id/screening/:ideaId', element: <RequireRole role="staff"><IdeaScreeningPage /></RequireRole> },
];
