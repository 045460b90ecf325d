import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from './locale';

/** The current interface language, and a way to change it. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'fa';
  return { locale, setLocale: (next) => void i18n.changeLanguage(next) };
}
