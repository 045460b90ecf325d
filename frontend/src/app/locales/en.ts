// Every namespace's words in English: one chunk, loaded when English is the interface language (src/app/i18n.ts).
import { accountEn } from '@/features/account/i18n.en';
import { adminEn } from '@/features/admin/i18n.en';
import { callsEn } from '@/features/calls/i18n.en';
import { ideasEn } from '@/features/ideas/i18n.en';
import { juryEn } from '@/features/jury/i18n.en';
import { notificationsEn } from '@/features/notifications/i18n.en';
import { partnershipsEn } from '@/features/partnerships/i18n.en';
import { publicEn } from '@/features/public/i18n.en';
import { rankingEn } from '@/features/ranking/i18n.en';
import { reviewsEn } from '@/features/reviews/i18n.en';
import { screeningEn } from '@/features/screening/i18n.en';
import { statsEn } from '@/features/stats/i18n.en';
import { commonEn } from '@/lib/i18n/common.en';
import { enumsEn } from '@/lib/i18n/enums.en';
import { errorsEn } from '@/lib/i18n/errors.en';
import { filesEn } from '@/lib/i18n/files.en';
import type { Words } from './fa';

const en: Words = {
  common: commonEn,
  errors: errorsEn,
  enums: enumsEn,
  files: filesEn,
  account: accountEn,
  admin: adminEn,
  calls: callsEn,
  ideas: ideasEn,
  jury: juryEn,
  notifications: notificationsEn,
  partnerships: partnershipsEn,
  public: publicEn,
  ranking: rankingEn,
  reviews: reviewsEn,
  screening: screeningEn,
  stats: statsEn,
};

export default en;
