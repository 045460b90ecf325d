import { useTranslation } from 'react-i18next';
import { FileSection } from '@/components/files/FileSection';
import { Card } from '@/components/ui/Page';
import type { Schema } from '@/lib/api/types';
import { countryName } from '@/lib/format/countries';
import { isolate } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';

/**
 * Evidence of each saved tie abroad (an admission, a licence, a partner's letter): the citizen adds and removes it;
 * only they and staff see it. A tie gets its files once it is saved (it needs its id).
 */
export function TieEvidenceCard({ me }: { me: Schema<'MeView'> }) {
  const { t } = useTranslation(['files', 'enums']);
  const { locale } = useLocale();
  const ties = me.profile.ties;
  return (
    <Card title={t('tie.title')}>
      <div className="stack">
        <p className="muted">{t('tie.lead')}</p>
        {ties.length === 0 ? <p>{t('tie.none')}</p> : null}
        {ties.map((tie) => (
          <FileSection
            key={tie.id}
            owner={{ kind: 'tie', id: tie.id }}
            title={t('tie.heading', { city: isolate(tie.city), country: countryName(tie.country, locale), nature: t(`enums:TieKind.${tie.nature}`) })}
            headingLevel={3}
            framed={false}
            canAdd
          />
        ))}
      </div>
    </Card>
  );
}
