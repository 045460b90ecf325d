import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';
import { Button } from './Button';

type Props = { total: number; limit: number; offset: number; onChange: (offset: number) => void };

/** Previous and next over an API list ({items, total, limit, offset}). */
export function Pagination({ total, limit, offset, onChange }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <Button variant="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('actions.previous')}
      </Button>
      <span aria-live="polite">{t('pagination.range', { from: n(from), to: n(to), total: n(total) })}</span>
      <Button variant="secondary" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        {t('actions.next')}
      </Button>
    </nav>
  );
}
