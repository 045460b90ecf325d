// The words of webhooks that several admin pages share: each event type's i18n key (the wire names hold dots, which
// i18next reads as nesting).
import type { Schema } from '@/lib/api/types';
import type { adminFa } from './i18n';

export type WebhookEventType = Schema<'WebhookEventType'>;
type EventKey = keyof (typeof adminFa)['webhookEvents'];

/** The key of each event type's name and explanation under `admin:webhookEvents`. */
export const EVENT_KEY: Record<WebhookEventType, EventKey> = {
  'idea.submitted': 'idea_submitted',
  'idea.screened': 'idea_screened',
  'decisions.published': 'decisions_published',
  'call.opened': 'call_opened',
  'call.closed': 'call_closed',
  'partnership.state_changed': 'partnership_state_changed',
  'activity.recorded': 'activity_recorded',
  'webhook.ping': 'webhook_ping',
};
