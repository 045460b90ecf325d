// The bundled, typed translations: Persian (the default) and English. Each feature owns a namespace; English
// must have exactly Persian's keys (`typeof`), and a missing key is a type error at build time.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { accountEn, accountFa } from '@/features/account/i18n';
import { adminEn, adminFa } from '@/features/admin/i18n';
import { callsEn, callsFa } from '@/features/calls/i18n';
import { ideasEn, ideasFa } from '@/features/ideas/i18n';
import { juryEn, juryFa } from '@/features/jury/i18n';
import { partnershipsEn, partnershipsFa } from '@/features/partnerships/i18n';
import { publicEn, publicFa } from '@/features/public/i18n';
import { rankingEn, rankingFa } from '@/features/ranking/i18n';
import { reviewsEn, reviewsFa } from '@/features/reviews/i18n';
import { screeningEn, screeningFa } from '@/features/screening/i18n';
import { statsEn, statsFa } from '@/features/stats/i18n';
import { commonEn, commonFa } from '@/lib/i18n/common';
import { enumsEn, enumsFa } from '@/lib/i18n/enums';
import { errorsEn, errorsFa } from '@/lib/i18n/errors';
import { applyToDocument, rememberLocale, storedLocale, type Locale } from '@/lib/i18n/locale';

export const resources = {
  fa: {
    common: commonFa,
    errors: errorsFa,
    enums: enumsFa,
    account: accountFa,
    admin: adminFa,
    calls: callsFa,
    ideas: ideasFa,
    jury: juryFa,
    partnerships: partnershipsFa,
    public: publicFa,
    ranking: rankingFa,
    reviews: reviewsFa,
    screening: screeningFa,
    stats: statsFa,
  },
  en: {
    common: commonEn,
    errors: errorsEn,
    enums: enumsEn,
    account: accountEn,
    admin: adminEn,
    calls: callsEn,
    ideas: ideasEn,
    jury: juryEn,
    partnerships: partnershipsEn,
    public: publicEn,
    ranking: rankingEn,
    reviews: reviewsEn,
    screening: screeningEn,
    stats: statsEn,
  },
} as const satisfies Record<Locale, unknown>;

export function initI18n(locale: Locale = storedLocale()) {
  applyToDocument(locale);
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: locale,
      fallbackLng: 'fa',
      defaultNS: 'common',
      ns: Object.keys(resources.fa),
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18next.on('languageChanged', (next) => {
      const chosen: Locale = next === 'en' ? 'en' : 'fa';
      rememberLocale(chosen);
      applyToDocument(chosen);
    });
  }
  return i18next;
}
