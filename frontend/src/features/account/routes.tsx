import type { RouteObject } from 'react-router';
import { lazyPage } from '@/lib/lazyPage';
import { RequireRole } from '@/lib/auth/RequireRole';

const EnrolPage = lazyPage(() => import('./EnrolPage'), 'EnrolPage');
const ForgotPasswordPage = lazyPage(() => import('./ForgotPasswordPage'), 'ForgotPasswordPage');
const LoginPage = lazyPage(() => import('./LoginPage'), 'LoginPage');
const ProfilePage = lazyPage(() => import('./ProfilePage'), 'ProfilePage');
const RegisterPage = lazyPage(() => import('./RegisterPage'), 'RegisterPage');
const SetPasswordPage = lazyPage(() => import('./SetPasswordPage'), 'SetPasswordPage');
const UnsubscribePage = lazyPage(() => import('./UnsubscribePage'), 'UnsubscribePage');
const VerifyEmailPage = lazyPage(() => import('./VerifyEmailPage'), 'VerifyEmailPage');

export const routes: RouteObject[] = [
  { path: 'login', element: <LoginPage /> },
  { path: 'register', element: <RegisterPage /> },
  { path: 'set-password', element: <SetPasswordPage /> },
  { path: 'forgot-password', element: <ForgotPasswordPage /> },
  { path: 'verify-email', element: <VerifyEmailPage /> },
  { path: 'unsubscribe', element: <UnsubscribePage /> },
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
