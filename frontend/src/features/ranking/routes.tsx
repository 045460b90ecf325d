import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const DecisionsPage = lazyPage(() => import('./DecisionsPage'), 'DecisionsPage');
const RankingPage = lazyPage(() => import('./RankingPage'), 'RankingPage');

export const routes: RouteObject[] = [
  { path: 'staff/calls/:id/ranking', element: <RequireRole role="staff"><RankingPage /></RequireRole> },
  { path: 'staff/calls/:id/decisions', element: <RequireRole role="staff"><DecisionsPage /></RequireRole> },
];
