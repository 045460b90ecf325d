import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromJalali, jalaliMonthLength, jalaliMonthNames, toJalali, todayInOffice } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { useLocale } from '@/lib/i18n/useLocale';

type Props = {
  label: string;
  /** An ISO day (YYYY-MM-DD), or '' for none. */
  value: string;
  onChange: (day: string) => void;
  error?: string | undefined;
  required?: boolean;
  /** Years offered around today's, in the Jalali picker. */
  yearsBefore?: number;
  yearsAfter?: number;
};

/**
 * A day picker: day, month and year of the Jalali calendar in Persian (a browser's own date input only knows the
 * Gregorian one), the browser's date input in English. Both give and take ISO days.
 */
export function DateField(props: Props) {
  const { locale } = useLocale();
  return locale === 'fa' ? <JalaliDateField {...props} /> : <GregorianDateField {...props} />;
}

function GregorianDateField({ label, value, onChange, error, required }: Props) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Parts = { year: number; month: number; day: number };

function JalaliDateField({ label, value, onChange, error, required, yearsBefore = 2, yearsAfter = 3 }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const id = useId();
  const current = value ? toJalali(value) : null;
  // Parts chosen so far, kept while the day is incomplete or does not exist yet (30 Esfand of a common year).
  const [draft, setDraft] = useState<Partial<Parts>>(current ?? {});
  const shown: Partial<Parts> = current ?? draft;
  const thisYear = toJalali(todayInOffice())?.year ?? 1405;
  const years = Array.from({ length: yearsBefore + yearsAfter + 1 }, (_, i) => thisYear - yearsBefore + i);
  if (shown.year && !years.includes(shown.year)) years.push(shown.year);
  const months = jalaliMonthNames(locale);
  const length = shown.year && shown.month ? jalaliMonthLength(shown.year, shown.month) : 31;
  const n = (value: number) => formatNumber(value, locale, { useGrouping: false });

  const change = (part: keyof Parts, raw: string) => {
    const next = { ...shown, [part]: raw ? Number(raw) : undefined };
    if (next.year && next.month && next.day) {
      next.day = Math.min(next.day, jalaliMonthLength(next.year, next.month));
    }
    setDraft(next);
    const iso = next.year && next.month && next.day ? fromJalali(next as Parts) : null;
    onChange(iso ?? '');
  };

  return (
    <fieldset className={error ? 'field field--invalid date-field' : 'field date-field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{label}</legend>
      <div className="date-field__parts">
        <label>
          <span className="visually-hidden">{t('fields.day')}</span>
          <select value={shown.day ?? ''} required={required} aria-invalid={error ? true : undefined} onChange={(e) => change('day', e.target.value)}>
            <option value="">{t('fields.day')}</option>
            {Array.from({ length }, (_, i) => i + 1).map((day) => (
              <option key={day} value={day}>
                {n(day)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('fields.month')}</span>
          <select value={shown.month ?? ''} required={required} aria-invalid={error ? true : undefined} onChange={(e) => change('month', e.target.value)}>
            <option value="">{t('fields.month')}</option>
            {months.map((name, i) => (
              <option key={name} value={i + 1}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('fields.year')}</span>
          <select value={shown.year ?? ''} required={required} aria-invalid={error ? true : undefined} onChange={(e) => change('year', e.target.value)}>
            <option value="">{t('fields.year')}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {n(year)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
