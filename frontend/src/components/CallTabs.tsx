import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The staff pages of one call, each owned by its feature, linked as tabs. */
export function CallTabs({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const base = `/staff/calls/${callId}`;
  const tabs = [
    { to: base, label: t('callTabs.overview'), end: true },
    { to: `${base}/rubric`, label: t('callTabs.rubric') },
    { to: `${base}/screening`, label: t('callTabs.screening') },
    { to: `${base}/assignments`, label: t('callTabs.assignments') },
    { to: `${base}/ranking`, label: t('callTabs.ranking') },
    { to: `${base}/decisions`, label: t('callTabs.decisions') },
    { to: `${base}/stats`, label: t('callTabs.stats') },
  ];
  return (
    <nav className="tabs" aria-label={t('callTabs.label')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
