import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const EditIdeaPage = lazyPage(() => import('./IdeaFormPage'), 'EditIdeaPage');
const NewIdeaPage = lazyPage(() => import('./IdeaFormPage'), 'NewIdeaPage');
const IdeaPage = lazyPage(() => import('./IdeaPage'), 'IdeaPage');
const MyIdeasPage = lazyPage(() => import('./MyIdeasPage'), 'MyIdeasPage');

export const routes: RouteObject[] = [
  { path: 'my/ideas', element: <RequireRole><MyIdeasPage /></RequireRole> },
  { path: 'my/ideas/new', element: <RequireRole><NewIdeaPage /></RequireRole> },
  { path: 'my/ideas/:id', element: <RequireRole><IdeaPage /></RequireRole> },
  { path: 'my/ideas/:id/edit', element: <RequireRole><EditIdeaPage /></RequireRole> },
];
