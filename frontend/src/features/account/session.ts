// Signing in and out: the tokens go to the shared session store, which every tab sees.
import { publicApi, unwrap } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { clearSession, readSession, storeTokens } from '@/lib/auth/session';

export async function signIn(body: Schema<'LoginRequest'>) {
  return storeTokens(await unwrap(publicApi.POST('/api/v1/auth/login', { body })));
}

export async function register(body: Schema<'RegisterRequest'>) {
  return storeTokens(await unwrap(publicApi.POST('/api/v1/auth/register', { body })));
}

/** Ends the session on the server too; signed out here whatever the server says. */
export async function signOut() {
  const session = readSession();
  clearSession();
  if (session) {
    await publicApi.POST('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(() => undefined);
  }
}
