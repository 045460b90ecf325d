import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { DecisionsPage } from './DecisionsPage';
import { RankingPage } from './RankingPage';

export const routes: RouteObject[] = [
  { path: 'staff/calls/:id/ranking', element: <RequireRole role="staff"><RankingPage /></RequireRole> },
  { path: 'staff/calls/:id/decisions', element: <RequireRole role="staff"><DecisionsPage /></RequireRole> },
];
