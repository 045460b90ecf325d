import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';

/** Whole days, hours and minutes left until a moment; updated every minute. */
export function remaining(until: Date, now: Date): { days: number; hours: number; minutes: number } | null {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

export function Countdown({ until, label }: { until: string; label: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = remaining(new Date(until), now);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <div className="countdown" role="timer" aria-label={label}>
      {left ? (
        <>
          <span className="countdown__part"><strong>{n(left.days)}</strong> {t('time.days')}</span>
          <span className="countdown__part"><strong>{n(left.hours)}</strong> {t('time.hours')}</span>
          <span className="countdown__part"><strong>{n(left.minutes)}</strong> {t('time.minutes')}</span>
        </>
      ) : (
        <span>{t('time.over')}</span>
      )}
    </div>
  );
}
