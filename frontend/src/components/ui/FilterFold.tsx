import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';

/** Narrower than this the filters fold: the width at which the main menu folds too (styles.css). */
const NARROW = '(max-width: 720px)';

function narrowScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches;
}

/**
 * A list page's filters (its own search form, as children): open on a wide screen, where the summary line does not
 * show; on a phone folded behind a line that says how many are in use, so that a long block of them does not push
 * the list out of sight. Crossing the width (a phone turned) opens or folds them again.
 */
export function FilterFold({ active, children }: { active: number; children: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [open, setOpen] = useState(() => !narrowScreen());
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(NARROW);
    const follow = () => setOpen(!query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return (
    <details className="filter-fold" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="filter-fold__summary">
        {t('filterFold.title')}
        {active > 0 ? <span className="badge badge--info">{t('filterFold.active', { n: formatNumber(active, locale) })}</span> : null}
      </summary>
      {children}
    </details>
  );
}
