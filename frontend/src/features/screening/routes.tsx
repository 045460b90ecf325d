import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { IdeaScreeningPage } from './IdeaScreeningPage';
import { ScreeningQueuePage } from './ScreeningQueuePage';

export const routes: RouteObject[] = [
  { path: '/staff/calls/:id/screening', element: <RequireRole role="staff"><ScreeningQueuePage /></RequireRole> },
  { path: '/staff/calls/:id/screening/:ideaId', element: <RequireRole role="staff"><IdeaScreeningPage /></RequireRole> },
];
