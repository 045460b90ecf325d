// Every query key of the app, in one place, so that invalidating after a change cannot miss a spelling.
// Keys nest: invalidating `keys.calls.all` also refreshes every call's details, ideas and ranking.
type Params = Record<string, unknown> | undefined;

export const keys = {
  me: ['me'] as const,
  myAssignments: (params?: Params) => ['me', 'assignments', params ?? {}] as const,
  secondFactor: ['me', 'second-factor'] as const,
  mySessions: (params?: Params) => ['me', 'sessions', params ?? {}] as const,
  /** The signed-in account's notices; `keys.me` itself (exact) holds the unread count. */
  notifications: {
    all: ['me', 'notifications'] as const,
    list: (params?: Params) => ['me', 'notifications', 'list', params ?? {}] as const,
  },
  notificationPreferences: ['me', 'notification-preferences'] as const,
  /** What an unsubscribe link turns off (no session: the link's token is the key). */
  unsubscribe: (token: string) => ['unsubscribe', token] as const,
  calls: {
    all: ['calls'] as const,
    list: (params?: Params) => ['calls', 'list', params ?? {}] as const,
    detail: (id: string) => ['calls', id] as const,
    rubric: (id: string) => ['calls', id, 'rubric'] as const,
    stats: (id: string) => ['calls', id, 'stats'] as const,
    ideas: (id: string, params?: Params) => ['calls', id, 'ideas', params ?? {}] as const,
    assignments: (id: string, params?: Params) => ['calls', id, 'assignments', params ?? {}] as const,
    ranking: (id: string, params?: Params) => ['calls', id, 'ranking', params ?? {}] as const,
    decisions: (id: string) => ['calls', id, 'decisions'] as const,
    events: (id: string) => ['calls', id, 'events'] as const,
  },
  ideas: {
    all: ['ideas'] as const,
    list: (params?: Params) => ['ideas', 'list', params ?? {}] as const,
    detail: (id: string) => ['ideas', id] as const,
    events: (id: string) => ['ideas', id, 'events'] as const,
    similar: (id: string) => ['ideas', id, 'similar'] as const,
    result: (id: string) => ['ideas', id, 'result'] as const,
    review: (id: string) => ['ideas', id, 'review'] as const,
    reviews: (id: string) => ['ideas', id, 'reviews'] as const,
  },
  reviewers: {
    all: ['reviewers'] as const,
    list: (params?: Params) => ['reviewers', 'list', params ?? {}] as const,
    detail: (id: string) => ['reviewers', id] as const,
  },
  conflicts: {
    all: ['conflicts'] as const,
    list: (params?: Params) => ['conflicts', 'list', params ?? {}] as const,
  },
  cities: {
    all: ['cities'] as const,
    list: (params?: Params) => ['cities', 'list', params ?? {}] as const,
    detail: (id: string) => ['cities', id] as const,
    overview: (id: string) => ['cities', id, 'overview'] as const,
    activities: (id: string, params?: Params) => ['cities', id, 'activities', params ?? {}] as const,
  },
  partnerships: {
    all: ['partnerships'] as const,
    list: (params?: Params) => ['partnerships', 'list', params ?? {}] as const,
    detail: (id: string) => ['partnerships', id] as const,
  },
  activities: {
    all: ['activities'] as const,
    list: (params?: Params) => ['activities', 'list', params ?? {}] as const,
    detail: (id: string) => ['activities', id] as const,
  },
  networks: {
    all: ['networks'] as const,
    list: (params?: Params) => ['networks', 'list', params ?? {}] as const,
    detail: (id: string) => ['networks', id] as const,
  },
  users: {
    all: ['users'] as const,
    list: (params?: Params) => ['users', 'list', params ?? {}] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (params?: Params) => ['audit', 'list', params ?? {}] as const,
  },
  outbox: {
    all: ['outbox'] as const,
    list: (params?: Params) => ['outbox', 'list', params ?? {}] as const,
  },
  /** Webhook endpoints; an endpoint's deliveries nest under it, so that a change to it refreshes its log too. */
  webhooks: {
    all: ['webhooks'] as const,
    lists: ['webhooks', 'list'] as const,
    list: (params?: Params) => ['webhooks', 'list', params ?? {}] as const,
    detail: (id: string) => ['webhooks', id] as const,
    /** Every page and every detail of an endpoint's deliveries. */
    deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
    deliveryList: (id: string, params?: Params) => ['webhooks', id, 'deliveries', 'list', params ?? {}] as const,
    delivery: (id: string, deliveryId: string) => ['webhooks', id, 'deliveries', deliveryId] as const,
  },
  /** The files of one owner (an idea, a tie, a partnership, an activity), as its reader may see them. */
  files: {
    all: ['files'] as const,
    list: (ownerKind: string, ownerId: string) => ['files', ownerKind, ownerId] as const,
  },
  apiKeys: {
    all: ['api-keys'] as const,
    list: (params?: Params) => ['api-keys', 'list', params ?? {}] as const,
  },
};
