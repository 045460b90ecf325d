import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/ui/Page';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('status.notFound')}>
      <Link to="/">{t('nav.home')}</Link>
    </Page>
  );
}
