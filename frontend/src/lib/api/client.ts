// The one way the app talks to the server: openapi-fetch typed by the committed contract.
import createClient, { type Middleware } from 'openapi-fetch';
import { accessToken, readSession, refreshSession, setEnrolOnly, setRefreshExchange } from '@/lib/auth/session';
import { toProblem } from './problem';
import type { paths } from './types';

// openapi-fetch keeps the fetch it saw at creation: look it up on each call so tests can stub it.
const fetchNow = (request: Request) => globalThis.fetch(request);
// The API shares the SPA's origin (the server or nginx serves both; `npm run dev` proxies /api).
const baseUrl = typeof window !== 'undefined' ? window.location.origin : '';

/** For the auth endpoints themselves: no bearer token, no retry. */
export const publicApi = createClient<paths>({ baseUrl, fetch: fetchNow });

setRefreshExchange(async (refreshToken) => {
  const { data, response } = await publicApi.POST('/api/v1/auth/refresh', { body: { refreshToken } });
  if (data) return data;
  if (response.status === 401) return 'rejected';
  throw toProblem(undefined, response);
});

const pending = new Map<string, Request>();

const auth: Middleware = {
  async onRequest({ request, id }) {
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    pending.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = pending.get(id);
    pending.delete(id);
    // A staff or admin account without a second factor, where the server requires one: enrolment only.
    if (response.status === 403 && (await problemCode(response)) === 'second_factor_required') setEnrolOnly(true);
    // An access token can be revoked or expire early (a clock skew): refresh once and retry.
    if (response.status !== 401 || !original?.headers.has('Authorization')) return response;
    const session = readSession();
    if (!session) return response;
    const fresh = await refreshSession(session.refreshToken);
    if (!fresh) return response;
    const retry = new Request(original);
    retry.headers.set('Authorization', `Bearer ${fresh.accessToken}`);
    return globalThis.fetch(retry);
  },
  onError({ id }) {
    pending.delete(id);
  },
};

async function problemCode(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && 'code' in body ? String(body.code) : undefined;
  } catch {
    return undefined;
  }
}

export const api = createClient<paths>({ baseUrl, fetch: fetchNow });
api.use(auth);

/** The data of a successful answer, or throws the answer's problem as an ApiProblem. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toProblem(error, response);
  return data as T;
}

/** Like `unwrap`, but null for a 404: a resource that may not exist yet (a rubric, a review not saved yet). */
export async function unwrapOrNull<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | null> {
  const { data, error, response } = await call;
  if (response.status === 404) return null;
  if (!response.ok) throw toProblem(error, response);
  return data as T;
}

/** The If-Match header for a versioned resource read at `version` (the server's ETag is the quoted version). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
