// The feature's words in English, with exactly the Persian keys (i18n.ts).
import type { statsFa } from './i18n';

export const statsEn: typeof statsFa = {
  title: "The calls' statistics",
  lead: 'The ideas submitted (not counting drafts and withdrawn ideas) by domain, by target country and by day.',
  staffTitle: "The call's statistics",
  chooseCall: 'Call shown',
  noCalls: 'No call has been held yet.',
  phase: "The call's phase: {{phase}}",
  noIdeas: 'No idea has been submitted to this call yet.',
  totals: 'Totals',
  submitted: 'Ideas submitted',
  countries: 'Target countries',
  domains: 'Domains',
  days: 'Days with submissions',
  allIdeas: 'All ideas (drafts included)',
  awaitingScreening: 'Awaiting screening',
  screened: 'Screened',
  ideas: 'Ideas',
  byDomain: 'Ideas by domain',
  byCountry: 'Ideas by target country',
  byDay: 'Ideas submitted per day',
  byState: 'All ideas by state',
  byCategory: "Ideas by the submitter's occupation",
  unknownCategory: 'Not given',
  publicPage: 'The public statistics page',
};
