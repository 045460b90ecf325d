import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { EditIdeaPage, NewIdeaPage } from './IdeaFormPage';
import { IdeaPage } from './IdeaPage';
import { MyIdeasPage } from './MyIdeasPage';

export const routes: RouteObject[] = [
  { path: 'my/ideas', element: <RequireRole><MyIdeasPage /></RequireRole> },
  { path: 'my/ideas/new', element: <RequireRole><NewIdeaPage /></RequireRole> },
  { path: 'my/ideas/:id', element: <RequireRole><IdeaPage /></RequireRole> },
  { path: 'my/ideas/:id/edit', element: <RequireRole><EditIdeaPage /></RequireRole> },
];
