import { describe, expect, it } from 'vitest';
import { api, unwrap } from '@/lib/api/client';
import { stubApi } from '@/test/render';
import { accessToken, readSession, refreshSession, storeTokens } from './session';

const user = {
  id: '00000000-0000-0000-0000-000000000001',
  email: 'sara@example.org',
  displayName: 'سارا',
  roles: [],
  active: true,
  locale: 'fa' as const,
  createdAt: '2026-11-27T00:00:00Z',
  updatedAt: '2026-11-27T00:00:00Z',
  secondFactorEnabled: false, emailVerified: true,
};

function tokens(n: number, expiresIn = 900) {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer' as const, expiresIn, enrolOnly: false, user };
}

describe('the session', () => {
  it('refreshes once when several requests find the token about to expire', async () => {
    storeTokens(tokens(1, 10));
    let exchanges = 0;
    stubApi((request) => {
      if (request.url.endsWith('/api/v1/auth/refresh')) {
        exchanges++;
        return { body: tokens(2) };
      }
      return undefined;
    });
    const all = await Promise.all([accessToken(), accessToken(), accessToken()]);
    expect(all).toEqual(['access-2', 'access-2', 'access-2']);
    expect(exchanges).toBe(1);
    expect(readSession()?.refreshToken).toBe('refresh-2');
  });

  it('uses the tokens another tab stored instead of presenting the spent refresh token', async () => {
    storeTokens(tokens(1, 10));
    // Another tab refreshed meanwhile: storage already holds its new tokens.
    localStorage.setItem('citizen-diplomat.session', JSON.stringify({ ...readSession(), accessToken: 'access-9', refreshToken: 'refresh-9', expiresAt: Date.now() + 900_000 }));
    const calls = stubApi(() => undefined);
    const fresh = await refreshSession('refresh-1');
    expect(fresh?.accessToken).toBe('access-9');
    expect(calls).toHaveLength(0);
  });

  it('signs out when the server refuses the refresh token', async () => {
    storeTokens(tokens(1, 10));
    stubApi(() => ({ status: 401, body: { type: 'urn:x', title: 't', status: 401, detail: 'd', code: 'refresh_token_reused' } }));
    expect(await accessToken()).toBeNull();
    expect(readSession()).toBeNull();
  });

  it('retries a request once with fresh tokens after a 401', async () => {
    storeTokens(tokens(1));
    const seen: string[] = [];
    stubApi((request) => {
      if (request.url.endsWith('/api/v1/auth/refresh')) return { body: tokens(2) };
      seen.push(request.headers.get('Authorization') ?? '');
      if (request.headers.get('Authorization') === 'Bearer access-1') {
        return { status: 401, body: { type: 'urn:x', title: 't', status: 401, detail: 'd', code: 'invalid_token' } };
      }
      return { body: { ...user, profile: { ties: [], languages: [] } } };
    });
    const me = await unwrap(api.GET('/api/v1/me'));
    expect(me.email).toBe('sara@example.org');
    expect(seen).toEqual(['Bearer access-1', 'Bearer access-2']);
  });
});
