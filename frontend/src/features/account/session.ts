// Signing in and out: the tokens go to the shared session store, which every tab sees.
import { login, loginSecondFactor, logout, registerAccount } from '@/lib/api/auth';
import type { Schema } from '@/lib/api/types';
import { clearSession, readSession, storeTokens, type Session } from '@/lib/auth/session';

/** A sign-in that waits for the second factor: the challenge to answer with a code, and when it runs out. */
export type Challenge = { challenge: string; expiresAt: number };

/** The password step: signed in, or a challenge when the account has a second factor. */
export async function signIn(body: Schema<'LoginRequest'>): Promise<{ session: Session } | { challenge: Challenge }> {
  const answer = await login(body);
  if ('challenge' in answer) {
    return { challenge: { challenge: answer.challenge, expiresAt: Date.now() + answer.expiresIn * 1000 } };
  }
  return { session: storeTokens(answer) };
}

/** The second step: the challenge with an authenticator's code or a recovery code. */
export async function answerChallenge(challenge: string, code: string): Promise<Session> {
  return storeTokens(await loginSecondFactor({ challenge, code }));
}

export async function register(body: Schema<'RegisterRequest'>) {
  return storeTokens(await registerAccount(body));
}

/** Ends the session on the server too; signed out here whatever the server says. */
export async function signOut() {
  const session = readSession();
  clearSession();
  if (session) {
    await logout(session.refreshToken).catch(() => undefined);
  }
}
