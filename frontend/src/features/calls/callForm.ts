// The call form's values and the requests built from them: days in the form, the API's moments on the wire.
import type { Schema } from '@/lib/api/types';
import { todayInOffice } from '@/lib/format/dates';
import { latinDigits } from '@/lib/format/numbers';
import { toBilingual } from '@/lib/i18n/text';

type Domain = Schema<'Domain'>;
type CallView = Schema<'CallView'>;

export const DOMAINS: Domain[] = [
  'cultural',
  'economic',
  'scientific',
  'tourism',
  'urban_services',
  'sports',
  'media',
  'health_and_crisis_relief',
  'other',
];

export const WINDOW_FIELDS = ['opensAt', 'closesAt', 'reviewOpensAt', 'reviewClosesAt'] as const;
export type WindowField = (typeof WINDOW_FIELDS)[number];

export type CallFormValues = {
  title: { fa: string; en: string };
  description: { fa: string; en: string };
  /** ISO days (YYYY-MM-DD) in the office's calendar, or ''. */
  opensAt: string;
  closesAt: string;
  reviewOpensAt: string;
  reviewClosesAt: string;
  domains: Domain[];
  /** As typed: Persian or Latin digits. */
  ideasPerCitizen: string;
  reviewersPerIdea: string;
  blindReview: boolean;
};

/** The office's day of a moment. */
export function officeDay(moment: string): string {
  return todayInOffice(new Date(moment));
}

export function emptyCallValues(): CallFormValues {
  return {
    title: { fa: '', en: '' },
    description: { fa: '', en: '' },
    opensAt: '',
    closesAt: '',
    reviewOpensAt: '',
    reviewClosesAt: '',
    domains: [...DOMAINS],
    ideasPerCitizen: '3',
    reviewersPerIdea: '3',
    blindReview: true,
  };
}

export function callValues(call: CallView): CallFormValues {
  return {
    title: { fa: call.title.fa, en: call.title.en ?? '' },
    description: { fa: call.description.fa, en: call.description.en ?? '' },
    opensAt: officeDay(call.opensAt),
    closesAt: officeDay(call.closesAt),
    reviewOpensAt: officeDay(call.reviewOpensAt),
    reviewClosesAt: officeDay(call.reviewClosesAt),
    domains: DOMAINS.filter((domain) => call.domains.includes(domain)),
    ideasPerCitizen: String(call.ideasPerCitizen),
    reviewersPerIdea: String(call.reviewersPerIdea),
    blindReview: call.blindReview,
  };
}

/** A whole number typed in any digits, or NaN. */
export function parseWhole(text: string): number {
  const latin = latinDigits(text.trim());
  return /^\d+$/.test(latin) ? Number(latin) : Number.NaN;
}

export function createCallRequest(values: CallFormValues): Schema<'CreateCallRequest'> {
  return {
    title: toBilingual(values.title),
    description: toBilingual(values.description),
    opensAt: values.opensAt,
    closesAt: values.closesAt,
    reviewOpensAt: values.reviewOpensAt,
    reviewClosesAt: values.reviewClosesAt,
    domains: values.domains,
    ideasPerCitizen: parseWhole(values.ideasPerCitizen),
    reviewersPerIdea: parseWhole(values.reviewersPerIdea),
    blindReview: values.blindReview,
  };
}

/**
 * The change of an existing call. Window days are sent only when they changed: sending an unchanged closing day
 * would move a call closed early back to the end of that day. A review that opens on the day the call closed
 * opens at the closing moment (the day alone would mean its start, before the call closed).
 */
export function updateCallRequest(call: CallView, values: CallFormValues): Schema<'UpdateCallRequest'> {
  const before = callValues(call);
  const body: Schema<'UpdateCallRequest'> = {
    title: toBilingual(values.title),
    description: toBilingual(values.description),
    domains: values.domains,
    ideasPerCitizen: parseWhole(values.ideasPerCitizen),
    reviewersPerIdea: parseWhole(values.reviewersPerIdea),
    blindReview: values.blindReview,
  };
  for (const field of WINDOW_FIELDS) {
    if (values[field] !== before[field]) body[field] = values[field];
  }
  const closingUnchanged = values.closesAt === before.closesAt;
  if (body.reviewOpensAt && closingUnchanged && values.reviewOpensAt === before.closesAt) {
    body.reviewOpensAt = call.closesAt;
  }
  return body;
}
