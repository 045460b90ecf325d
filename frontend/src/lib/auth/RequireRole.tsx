import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@/lib/api/types';
import { hasRole, useSession } from './useSession';

/** Shows its children to signed-in users with the role (any signed-in user without one); others sign in first. */
export function RequireRole({ role, children }: { role?: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`} replace />;
  }
  if (role && !hasRole(session.user, role)) {
    return (
      <p role="alert" className="alert alert--error">
        {t('status.forbidden')}
      </p>
    );
  }
  return <>{children}</>;
}
