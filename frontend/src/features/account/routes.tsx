import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import { LoginPage } from './LoginPage';
import { ProfilePage } from './ProfilePage';
import { RegisterPage } from './RegisterPage';
import { SetPasswordPage } from './SetPasswordPage';

export const routes: RouteObject[] = [
  { path: 'login', element: <LoginPage /> },
  { path: 'register', element: <RegisterPage /> },
  { path: 'set-password', element: <SetPasswordPage /> },
  {
    path: 'profile',
    element: (
      <RequireRole>
        <ProfilePage />
      </RequireRole>
    ),
  },
];
