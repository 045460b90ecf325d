// The values of the contract's enums that forms offer or pages check, in the order they are shown. A
// `Record<Value, true>` keeps each list complete: a value the contract adds fails the build here until it is placed.
// (Their labels are words, in src/lib/i18n, loaded one language at a time: code reads the values from here.)
import type { Schema } from './types';

function values<Value extends string>(all: Record<Value, true>): Value[] {
  return Object.keys(all) as Value[];
}

export const DOMAINS = values<Schema<'Domain'>>({
  cultural: true,
  economic: true,
  scientific: true,
  tourism: true,
  urban_services: true,
  sports: true,
  media: true,
  health_and_crisis_relief: true,
  other: true,
});

export const IDEA_STATES = values<Schema<'IdeaState'>>({
  draft: true,
  submitted: true,
  withdrawn: true,
  shortlisted: true,
  rejected: true,
  in_review: true,
  reviewed: true,
  selected: true,
  not_selected: true,
});

export const OCCUPATIONS = values<Schema<'OccupationCategory'>>({
  trader: true,
  academic: true,
  student: true,
  athlete: true,
  artist_or_cultural_activist: true,
  media_activist: true,
  other: true,
});

export const ORGANISATIONS = values<Schema<'Organisation'>>({
  foreign_ministry: true,
  council_research_centre: true,
  university: true,
  chamber_of_commerce: true,
  municipality: true,
  other: true,
});

export const DELIVERY_STATES = values<Schema<'DeliveryState'>>({ pending: true, sent: true, dead: true });

export const RECOMMENDATIONS = values<Schema<'Recommendation'>>({ select: true, discuss: true, do_not_select: true });

export const SCREENING_REASONS = values<Schema<'ScreeningReason'>>({
  out_of_scope: true,
  incomplete: true,
  duplicate: true,
  not_feasible: true,
  outside_policy_framework: true,
  other: true,
});

export const TIE_KINDS = values<Schema<'TieKind'>>({
  family: true,
  study: true,
  work: true,
  trade: true,
  academic: true,
  cultural: true,
  sports: true,
  media: true,
  diaspora: true,
  other: true,
});

/** The events an endpoint may subscribe to (`webhook.ping` is sent only when an admin asks for a test). */
export const WEBHOOK_EVENT_TYPES = values<Exclude<Schema<'WebhookEventType'>, 'webhook.ping'>>({
  'idea.submitted': true,
  'idea.screened': true,
  'decisions.published': true,
  'call.opened': true,
  'call.closed': true,
  'partnership.state_changed': true,
  'activity.recorded': true,
});
export const WEBHOOK_SCOPES = values<Schema<'WebhookScope'>>({ public: true, staff: true });
export const WEBHOOK_DELIVERY_STATES = values<Schema<'WebhookDeliveryState'>>({ pending: true, delivered: true, failed: true });
export const API_SCOPES = values<Schema<'ApiScope'>>({ public_read: true, staff_read: true, register_write: true, calls_write: true });

/** Whether a text (an event's state, say) is one of an enum's values. */
export function isOneOf<Value extends string>(list: readonly Value[], value: string | null | undefined): value is Value {
  return Boolean(value && (list as readonly string[]).includes(value));
}
