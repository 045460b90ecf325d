import { useTranslation } from 'react-i18next';
import { Page } from '@/components/ui/Page';
import { PartnershipRegister } from './PartnershipRegister';
import './partnerships.css';

/** The public register of sister cities: anyone may read it. */
export function RegisterPage() {
  const { t } = useTranslation('partnerships');
  return (
    <Page title={t('register.title')} lead={t('register.lead')}>
      <PartnershipRegister basePath="/sister-cities" />
    </Page>
  );
}
