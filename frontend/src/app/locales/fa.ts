// Every namespace's words in Persian: one chunk, loaded when Persian is the interface language (src/app/i18n.ts).
import { accountFa } from '@/features/account/i18n';
import { adminFa } from '@/features/admin/i18n';
import { callsFa } from '@/features/calls/i18n';
import { ideasFa } from '@/features/ideas/i18n';
import { juryFa } from '@/features/jury/i18n';
import { notificationsFa } from '@/features/notifications/i18n';
import { partnershipsFa } from '@/features/partnerships/i18n';
import { publicFa } from '@/features/public/i18n';
import { rankingFa } from '@/features/ranking/i18n';
import { reviewsFa } from '@/features/reviews/i18n';
import { screeningFa } from '@/features/screening/i18n';
import { statsFa } from '@/features/stats/i18n';
import { commonFa } from '@/lib/i18n/common';
import { enumsFa } from '@/lib/i18n/enums';
import { errorsFa } from '@/lib/i18n/errors';
import { filesFa } from '@/lib/i18n/files';

const fa = {
  common: commonFa,
  errors: errorsFa,
  enums: enumsFa,
  files: filesFa,
  account: accountFa,
  admin: adminFa,
  calls: callsFa,
  ideas: ideasFa,
  jury: juryFa,
  notifications: notificationsFa,
  partnerships: partnershipsFa,
  public: publicFa,
  ranking: rankingFa,
  reviews: reviewsFa,
  screening: screeningFa,
  stats: statsFa,
};

/** The words of one language, by namespace: English must have exactly Persian's keys. */
export type Words = typeof fa;
export default fa;
