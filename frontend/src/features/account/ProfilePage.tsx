import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Page } from '@/components/ui/Page';
import { Notice } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { meQuery } from '@/lib/api/me';
import { AccountForm } from './AccountForm';
import { ChangePasswordForm } from './ChangePasswordForm';
import { CitizenProfileForm } from './CitizenProfileForm';
import { NotificationPreferencesCard } from './NotificationPreferencesCard';
import { SecondFactorCard } from './SecondFactorCard';
import { SessionsCard } from './SessionsCard';
import { TieEvidenceCard } from './TieEvidenceCard';
import './account.css';

export function ProfilePage() {
  const { t } = useTranslation('account');
  const location = useLocation();
  const welcome = (location.state as { welcome?: boolean } | null)?.welcome === true;
  const me = useQuery(meQuery());
  return (
    <Page title={t('profile.title')}>
      <QueryState query={me}>
        {(data) => (
          <div className="stack">
            {welcome ? <Notice>{t('profile.welcome')}</Notice> : null}
            <AccountForm me={data} />
            <CitizenProfileForm me={data} />
            <TieEvidenceCard me={data} />
            <ChangePasswordForm />
            <SecondFactorCard />
            <SessionsCard />
            <NotificationPreferencesCard />
          </div>
        )}
      </QueryState>
    </Page>
  );
}
