import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Page } from '@/components/ui/Page';
import { safeNext } from './LoginPage';
import { SecondFactorCard } from './SecondFactorCard';
import './account.css';

/**
 * Where a staff or admin account without a second factor lands while the server requires one: the session may do
 * nothing else (the shell sends every other page here) until the enrolment is confirmed; then on to `next`.
 */
export function EnrolPage() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <Page title={t('enrol.title')} lead={t('enrol.lead')}>
      <SecondFactorCard onSaved={() => void navigate(safeNext(params.get('next')), { replace: true })} />
    </Page>
  );
}
