// The signed-in session: tokens kept in localStorage so every tab shares them, and a refresh that is safe with
// several tabs open. Refreshing takes a Web Lock, then re-reads storage: when another tab has refreshed in the
// meantime, its new tokens are used instead of presenting the spent refresh token again (which the server would
// treat as theft after its 10-second grace and end the session).
import type { Schema, UserView } from '@/lib/api/types';

const STORAGE_KEY = 'citizen-diplomat.session';
const LOCK_NAME = 'citizen-diplomat.refresh';
/** Refresh this long before the access token expires. */
const EARLY_MS = 60_000;

export type Session = {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
  user: UserView;
  /**
   * The server lets this session do nothing but enrol a second factor (staff and admins must have one): the app
   * shows the enrolment page alone until it is confirmed. Absent in sessions stored before it existed.
   */
  enrolOnly?: boolean;
};

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function notify(session: Session | null) {
  for (const listener of listeners) listener(session);
}

export function storeTokens(tokens: Schema<'TokenView'>): Session {
  const session: Session = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
    user: tokens.user,
    enrolOnly: tokens.enrolOnly,
  };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  notify(session);
  return session;
}

export function updateUser(user: UserView) {
  const session = readSession();
  if (!session) return;
  const next = { ...session, user };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  notify(next);
}

/**
 * Marks the session as able to enrol a second factor only (a call was refused with `second_factor_required`), or
 * as free again once the enrolment is confirmed: the server checks the account on every request, so the same
 * tokens serve.
 */
export function setEnrolOnly(enrolOnly: boolean) {
  const session = readSession();
  if (!session || Boolean(session.enrolOnly) === enrolOnly) return;
  const next = { ...session, enrolOnly };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  notify(next);
}

export function clearSession() {
  localStorage.removeItem(STORAGE_KEY);
  notify(null);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab signed in, refreshed or signed out.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) notify(readSession());
  });
}

type RefreshFn = (refreshToken: string) => Promise<Schema<'TokenView'> | 'rejected'>;
let exchange: RefreshFn | null = null;

/** Sets how a refresh token is exchanged (the API client does it; kept apart to avoid an import cycle). */
export function setRefreshExchange(fn: RefreshFn) {
  exchange = fn;
}

let inFlight: Promise<Session | null> | null = null;

async function withLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request(LOCK_NAME, task);
  }
  return task();
}

/** New tokens for the session whose refresh token is `spent`, or null when the session is over. */
export function refreshSession(spent: string): Promise<Session | null> {
  inFlight ??= withLock(async () => {
    const current = readSession();
    if (!current) return null;
    // Another tab refreshed while we waited for the lock.
    if (current.refreshToken !== spent) return current;
    if (!exchange) return current;
    const answer = await exchange(spent);
    if (answer === 'rejected') {
      clearSession();
      return null;
    }
    return storeTokens(answer);
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** A usable access token, refreshed first when it is about to expire; null when signed out. */
export async function accessToken(): Promise<string | null> {
  const session = readSession();
  if (!session) return null;
  if (session.expiresAt - Date.now() > EARLY_MS) return session.accessToken;
  const fresh = await refreshSession(session.refreshToken);
  return fresh?.accessToken ?? null;
}
