import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { HomePage } from './HomePage';

const SelectedIdeaPage = lazyPage(() => import('./SelectedIdeaPage'), 'SelectedIdeaPage');
const SelectedPage = lazyPage(() => import('./SelectedPage'), 'SelectedPage');

export const routes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'selected', element: <SelectedPage /> },
  { path: 'selected/:id', element: <SelectedIdeaPage /> },
];
