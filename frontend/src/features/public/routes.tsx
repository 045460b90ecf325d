import type { RouteObject } from 'react-router';
import { HomePage } from './HomePage';
import { SelectedIdeaPage } from './SelectedIdeaPage';
import { SelectedPage } from './SelectedPage';

export const routes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'selected', element: <SelectedPage /> },
  { path: 'selected/:id', element: <SelectedIdeaPage /> },
];
