// Uploading a file with its progress: one multipart/form-data POST through XMLHttpRequest, since fetch (and so the
// generated client) reports no upload progress. Typed by the contract like the client: the paths that take a
// multipart body, their form fields and their answer come from the schema. The bearer token, the one refresh on a
// 401 and the errors (an ApiProblem) are the client's own.
import { accessToken, readSession, refreshSession, setEnrolOnly } from '@/lib/auth/session';
import { ApiProblem, toProblem, type ResponseLike } from './problem';
import type { paths as UploadPaths } from './types';

type MultipartPost = {
  post: {
    parameters: { path: Record<string, string> };
    requestBody: { content: { 'multipart/form-data': { file: unknown } } };
    responses: { 201: { content: { 'application/json': unknown } } };
  };
};

/** The contract's paths that take an upload (a multipart/form-data POST with a `file` part). */
export type UploadPath = { [P in keyof UploadPaths]: UploadPaths[P] extends MultipartPost ? P : never }[keyof UploadPaths];
type Post<P extends UploadPath> = Extract<UploadPaths[P], MultipartPost>['post'];
/** The path's parameters, e.g. `{ id }`. */
export type UploadParams<P extends UploadPath> = Post<P>['parameters']['path'];
/** The form's parts other than the file (a description, a kind, marks). */
export type UploadFields<P extends UploadPath> = Omit<Post<P>['requestBody']['content']['multipart/form-data'], 'file'>;
/** What a successful upload answers (201). */
export type UploadResult<P extends UploadPath> = Post<P>['responses'][201]['content']['application/json'];

/** How far an upload has gone: bytes of the request body sent, of `total`. */
export type UploadProgress = { loaded: number; total: number; fraction: number };

/** Whether an error is an upload the reader (or the page) cancelled. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function abortError(): DOMException {
  return new DOMException('The upload was cancelled.', 'AbortError');
}

/** `/api/v1/ideas/{id}/files` with `{ id }` filled in. */
function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

function formOf(fields: Record<string, unknown>, file: File): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    form.append(name, typeof value === 'boolean' || typeof value === 'number' ? String(value) : typeof value === 'string' ? value : JSON.stringify(value));
  }
  // Last, so that a server reading the parts in order knows the marks before the bytes arrive.
  form.append('file', file, file.name);
  return form;
}

type Answer = ResponseLike & { text: string };

function headersOf(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

function send(url: string, form: FormData, token: string | null, size: number, onProgress: ((progress: UploadProgress) => void) | undefined, signal: AbortSignal | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', url);
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      const total = event.lengthComputable && event.total > 0 ? event.total : size;
      const loaded = Math.min(event.loaded, total);
      onProgress?.({ loaded, total, fraction: total > 0 ? loaded / total : 0 });
    };
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, statusText: xhr.statusText, headers: headersOf(xhr.getAllResponseHeaders()), text: xhr.responseText });
    };
    xhr.onerror = () => {
      done();
      // No answer at all: the network, or a server that closed the connection.
      reject(toProblem(undefined, undefined));
    };
    xhr.onabort = () => {
      done();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}

function parse(answer: Answer): unknown {
  if (!answer.text) return undefined;
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return answer.text;
  }
}

function problemOf(answer: Answer): ApiProblem {
  const body = parse(answer);
  const problem = toProblem(body, answer);
  // A proxy in front of the server (nginx's client_max_body_size) refuses a large body with a page of its own.
  if (answer.status === 413 && problem.problem.type === 'about:blank' && !(typeof body === 'object' && body && 'code' in body)) {
    return new ApiProblem({ ...problem.problem, code: 'file_too_large' });
  }
  return problem;
}

/**
 * Uploads `file` to an upload path of the contract, e.g.
 * `uploadFile('/api/v1/ideas/{id}/files', { id }, { kind: 'evidence' }, file, setProgress, controller.signal)`.
 * Resolves with the stored file (201); rejects with an ApiProblem for an error answer or a network failure, and
 * with an AbortError (see `isAbort`) when `signal` aborts. A 401 refreshes the session once and sends again, as
 * the client does.
 */
export async function uploadFile<P extends UploadPath>(
  path: P,
  params: UploadParams<P>,
  formFields: UploadFields<P>,
  file: File,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<UploadResult<P>> {
  const url = fill(path, params);
  const fields = formFields as Record<string, unknown>;
  const token = await accessToken();
  let answer = await send(url, formOf(fields, file), token, file.size, onProgress, signal);
  // An access token can be revoked or expire early (a clock skew): refresh once and send again.
  if (answer.status === 401 && token) {
    const session = readSession();
    const fresh = session ? await refreshSession(session.refreshToken) : null;
    if (fresh) answer = await send(url, formOf(fields, file), fresh.accessToken, file.size, onProgress, signal);
  }
  if (answer.status >= 200 && answer.status < 300) return parse(answer) as UploadResult<P>;
  const problem = problemOf(answer);
  // A staff or admin account without a second factor, where the server requires one: enrolment only.
  if (answer.status === 403 && problem.code === 'second_factor_required') setEnrolOnly(true);
  throw problem;
}
