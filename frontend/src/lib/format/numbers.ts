import type { Locale } from '@/lib/i18n/locale';

const numberLocale: Record<Locale, string> = { fa: 'fa-IR', en: 'en-GB' };

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(numberLocale[locale], options).format(value);
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Latin digits in a text shown in Persian become Persian digits. */
export function persianDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)] ?? digit);
}

/** Any digits a user typed (Persian, Arabic or Latin) become Latin, for parsing. */
export function latinDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (digit) => {
    const persian = PERSIAN_DIGITS.indexOf(digit);
    return String(persian >= 0 ? persian : ARABIC_DIGITS.indexOf(digit));
  });
}

/** Digits of a text in the locale's script. */
export function localDigits(text: string, locale: Locale): string {
  return locale === 'fa' ? persianDigits(text) : text;
}
