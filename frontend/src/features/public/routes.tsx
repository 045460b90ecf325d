import type { RouteObject } from 'react-router';
import { HomePage } from './HomePage';
import { SelectedPage } from './SelectedPage';

export const routes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'selected', element: <SelectedPage /> },
];
