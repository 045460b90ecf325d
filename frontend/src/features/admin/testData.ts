// Views as the API answers them, for the admin pages' tests.
import type { Schema } from '@/lib/api/types';

export const endpoint = (over: Partial<Schema<'WebhookEndpointView'>> = {}): Schema<'WebhookEndpointView'> => ({
  id: '0190c0de-0000-7000-8000-0000000000e1',
  url: 'https://portal.example.org/hooks/citizen-diplomat',
  description: 'درگاه داده‌های باز',
  eventTypes: ['call.opened', 'decisions.published'],
  scope: 'public',
  enabled: true,
  disabledAt: null,
  disabledBy: null,
  failingSince: null,
  consecutiveFailures: 0,
  previousSecretExpiresAt: null,
  createdAt: '2026-12-01T08:00:00Z',
  updatedAt: '2026-12-01T08:00:00Z',
  ...over,
});

export const delivery = (over: Partial<Schema<'WebhookDeliveryView'>> = {}): Schema<'WebhookDeliveryView'> => ({
  id: 'msg_2Qk7cLr1',
  eventType: 'call.opened',
  state: 'delivered',
  attempts: 1,
  nextAttemptAt: '2026-12-06T09:30:00Z',
  lastStatus: 200,
  lastError: null,
  createdAt: '2026-12-06T09:30:00Z',
  deliveredAt: '2026-12-06T09:30:01Z',
  ...over,
});

export const deliveryDetail = (over: Partial<Schema<'WebhookDeliveryDetail'>> = {}): Schema<'WebhookDeliveryDetail'> => ({
  ...delivery(),
  payload: { type: 'call.opened', timestamp: '2026-12-06T09:30:00Z', data: { call: { id: 'c1', title: { fa: 'فراخوان ۱۴۰۵', en: 'Call 1405' } } } },
  attemptLog: [],
  ...over,
});

export const apiKey = (over: Partial<Schema<'ApiKeyView'>> = {}): Schema<'ApiKeyView'> => ({
  id: '0190c0de-0000-7000-8000-0000000000k1',
  name: 'Open data portal',
  accountId: '0190c0de-0000-7000-8000-0000000000s1',
  prefix: 'cdk_ab12cd34',
  scopes: ['public_read'],
  rateLimit: 600,
  expiresAt: '2027-12-06T20:29:59Z',
  revokedAt: null,
  lastUsedAt: null,
  createdAt: '2026-12-06T09:30:00Z',
  status: 'active',
  ...over,
});

/** A problem answer (RFC 9457) with field errors. */
export const invalid = (errors: { pointer: string; code: string; message: string }[]) => ({
  status: 422,
  body: { type: 'urn:citizen-diplomat:problem:validation_failed', title: 'Validation failed', status: 422, detail: 'invalid', code: 'validation_failed', errors },
});
