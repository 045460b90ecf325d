import { createBrowserRouter, type RouteObject } from 'react-router';
import { routes as accountRoutes } from '@/features/account/routes';
import { routes as adminRoutes } from '@/features/admin/routes';
import { routes as callsRoutes } from '@/features/calls/routes';
import { routes as ideasRoutes } from '@/features/ideas/routes';
import { routes as juryRoutes } from '@/features/jury/routes';
import { routes as notificationsRoutes } from '@/features/notifications/routes';
import { routes as partnershipsRoutes } from '@/features/partnerships/routes';
import { routes as publicRoutes } from '@/features/public/routes';
import { routes as rankingRoutes } from '@/features/ranking/routes';
import { routes as reviewsRoutes } from '@/features/reviews/routes';
import { routes as screeningRoutes } from '@/features/screening/routes';
import { routes as statsRoutes } from '@/features/stats/routes';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

const children: RouteObject[] = [
  ...publicRoutes,
  ...accountRoutes,
  ...ideasRoutes,
  ...reviewsRoutes,
  ...callsRoutes,
  ...screeningRoutes,
  ...statsRoutes,
  ...juryRoutes,
  ...rankingRoutes,
  ...partnershipsRoutes,
  ...adminRoutes,
  ...notificationsRoutes,
  { path: '*', element: <NotFound /> },
];

export const router = createBrowserRouter([{ element: <Layout />, children }]);
