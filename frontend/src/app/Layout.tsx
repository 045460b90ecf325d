import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { VerifyEmailNotice } from '@/components/VerifyEmailNotice';
import { signOut } from '@/features/account/session';
import { NotificationBell } from '@/features/notifications/NotificationBell';
import { meQuery } from '@/lib/api/me';
import { hasRole, useSession } from '@/lib/auth/useSession';
import { useLocale } from '@/lib/i18n/useLocale';

type Link = { to: string; label: string; end?: boolean };

/** The one page an enrol-only session may see (a staff or admin account that must set up a second factor). */
const ENROL_PATH = '/second-factor';
/** The page a mailed link confirms an e-mail address on. */
const VERIFY_PATH = '/verify-email';

export function Layout() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const session = useSession();
  const user = session?.user;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setMenuOpen(false);
  }

  // Until its second factor is confirmed, such a session sees the enrolment page alone (and signing out).
  const enrolOnly = Boolean(session?.enrolOnly);
  const links: Link[] = enrolOnly
    ? []
    : [
        { to: '/', label: t('nav.home'), end: true },
        { to: '/stats', label: t('nav.stats') },
        { to: '/selected', label: t('nav.selected') },
        { to: '/sister-cities', label: t('nav.sisterCities') },
      ];
  if (enrolOnly) links.push({ to: ENROL_PATH, label: t('nav.secondFactor') });
  else if (user) links.push({ to: '/my/ideas', label: t('nav.myIdeas') });
  if (!enrolOnly && hasRole(user, 'reviewer')) links.push({ to: '/review', label: t('nav.reviews') });
  if (!enrolOnly && hasRole(user, 'staff')) {
    links.push(
      { to: '/staff/calls', label: t('nav.calls') },
      { to: '/staff/reviewers', label: t('nav.reviewers') },
      { to: '/staff/conflicts', label: t('nav.conflicts') },
      { to: '/staff/partnerships', label: t('nav.partnerships') },
      { to: '/staff/networks', label: t('nav.networks') },
    );
  }
  if (!enrolOnly && hasRole(user, 'admin')) {
    links.push(
      { to: '/admin/users', label: t('nav.users') },
      { to: '/admin/audit', label: t('nav.audit') },
      { to: '/admin/outbox', label: t('nav.outbox') },
      { to: '/admin/webhooks', label: t('nav.webhooks') },
      { to: '/admin/api-keys', label: t('nav.apiKeys') },
    );
  }
  const held = enrolOnly && location.pathname !== ENROL_PATH;
  // The account as the server has it now (the bell reads it too): whether its address still needs confirming. The
  // confirmation page itself says how that went.
  const signedIn = Boolean(user) && !enrolOnly;
  const me = useQuery({ ...meQuery(), enabled: signedIn });
  const unverified = signedIn && me.data?.emailVerified === false && location.pathname !== VERIFY_PATH;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>
            <strong>{t('appName')}</strong>
            <small>{t('cityName')}</small>
          </span>
        </NavLink>
        <div className="topbar__tools">
          <button
            type="button"
            className="button button--quiet"
            lang={locale === 'fa' ? 'en' : 'fa'}
            aria-label={t('switchToLabel')}
            onClick={() => setLocale(locale === 'fa' ? 'en' : 'fa')}
          >
            {t('switchTo')}
          </button>
          {user ? (
            <>
              {enrolOnly ? null : <NotificationBell />}
              {enrolOnly ? (
                <span className="topbar__user">{user.displayName}</span>
              ) : (
                <NavLink to="/profile" className="topbar__user">
                  {user.displayName}
                </NavLink>
              )}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  void signOut().then(() => {
                    queryClient.clear();
                    void navigate('/');
                  });
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <>
              <NavLink to="/login" className="button button--quiet">
                {t('nav.signIn')}
              </NavLink>
              <NavLink to="/register" className="button button--primary">
                {t('nav.register')}
              </NavLink>
            </>
          )}
          <button
            type="button"
            className="button button--quiet menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('menu')}
          </button>
        </div>
      </header>
      <nav id="main-nav" className={menuOpen ? 'mainnav mainnav--open' : 'mainnav'} aria-label={t('mainNavigation')}>
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {unverified ? <VerifyEmailNotice /> : null}
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('status.loading')}
            </p>
          }
        >
          {held ? <Navigate to={`${ENROL_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`} replace /> : <Outlet />}
        </Suspense>
      </main>
      <footer className="footer">
        <p>{t('footer')}</p>
      </footer>
    </div>
  );
}
