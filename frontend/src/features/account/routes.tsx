import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const EnrolPage = lazyPage(() => import('./EnrolPage'), 'EnrolPage');
const LoginPage = lazyPage(() => import('./LoginPage'), 'LoginPage');
const ProfilePage = lazyPage(() => import('./ProfilePage'), 'ProfilePage');
const RegisterPage = lazyPage(() => import('./RegisterPage'), 'RegisterPage');
const SetPasswordPage = lazyPage(() => import('./SetPasswordPage'), 'SetPasswordPage');

export const routes: RouteObject[] = [
  { path: 'login', element: <LoginPage /> },
  { path: 'register', element: <RegisterPage /> },
  { path: 'set-password', element: <SetPasswordPage /> },
  {
    path: 'second-factor',
    element: (
      <RequireRole>
        <EnrolPage />
      </RequireRole>
    ),
  },
  {
    path: 'profile',
    element: (
      <RequireRole>
        <ProfilePage />
      </RequireRole>
    ),
  },
];
