import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Card, Page } from '@/components/ui/Page';
import { PartnershipRegister } from './PartnershipRegister';
import { RecordPartnershipForm } from './RecordPartnershipForm';
import './partnerships.css';

/** The register for staff: the same list, links to each partnership's management page, and recording a new one. */
export function StaffPartnershipsPage() {
  const { t } = useTranslation('partnerships');
  const [recording, setRecording] = useState(false);
  return (
    <Page
      title={t('staff.title')}
      actions={
        <Button variant={recording ? 'secondary' : 'primary'} aria-expanded={recording} aria-controls="record-partnership" onClick={() => setRecording((open) => !open)}>
          {t('staff.record')}
        </Button>
      }
    >
      <div className="stack">
        <div id="record-partnership" hidden={!recording}>
          {recording ? (
            <Card title={t('staff.recordTitle')}>
              <RecordPartnershipForm />
            </Card>
          ) : null}
        </div>
        <PartnershipRegister basePath="/staff/partnerships" staff />
      </div>
    </Page>
  );
}
