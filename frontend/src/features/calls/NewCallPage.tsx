import { useTranslation } from 'react-i18next';
import { Card, Page } from '@/components/ui/Page';
import { CallForm } from './CallForm';
import './calls.css';

export function NewCallPage() {
  const { t } = useTranslation('calls');
  return (
    <Page title={t('form.newTitle')}>
      <Card>
        <CallForm />
      </Card>
    </Page>
  );
}
