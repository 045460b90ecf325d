import type { ErrorCode, Problem } from './types';

/** An error answer of the API (RFC 9457), or a network failure dressed as one. */
export class ApiProblem extends Error {
  readonly problem: Problem;
  /** Seconds to wait before trying again, when the answer said (Retry-After, with 429 and 503). */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail);
    this.name = 'ApiProblem';
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field errors keyed by form path: the pointer `/title/fa` becomes `title.fa`. */
  get fieldErrors(): Record<string, { code: string; message: string }> {
    const fields: Record<string, { code: string; message: string }> = {};
    for (const error of this.problem.errors ?? []) {
      const path = pointerToPath(error.pointer);
      fields[path] ??= { code: error.code, message: error.message };
    }
    return fields;
  }
}

export function pointerToPath(pointer: string): string {
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && 'status' in body && 'detail' in body;
}

/** What `toProblem` reads of an answer: a fetch Response, or what an XMLHttpRequest received (lib/api/upload.ts). */
export type ResponseLike = Pick<Response, 'status' | 'statusText'> & { headers: Pick<Headers, 'get'> };

/** Turns whatever an error answer carried into an ApiProblem. */
export function toProblem(body: unknown, response: ResponseLike | undefined): ApiProblem {
  const retryAfter = retryAfterOf(response);
  if (isProblem(body)) return new ApiProblem(body, retryAfter);
  const status = response?.status ?? 0;
  return new ApiProblem({
    type: 'about:blank',
    title: response?.statusText || 'Network error',
    status,
    detail: typeof body === 'string' && body ? body : `HTTP ${status}`,
    code: status === 404 ? 'not_found' : status === 403 ? 'forbidden' : status === 401 ? 'not_signed_in' : 'internal_error',
  }, retryAfter);
}

/** Retry-After in seconds: a number of seconds, or an HTTP date. */
function retryAfterOf(response: ResponseLike | undefined): number | undefined {
  const header = response?.headers.get('Retry-After');
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
