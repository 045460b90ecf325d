// A stand-in for XMLHttpRequest (uploads go through it for their progress): records each request, and lets the test
// report progress, answer, fail the network or watch an abort.
import { vi } from 'vitest';

type Handler = ((event: ProgressEvent) => void) | null;

export class FakeXhr {
  static sent: FakeXhr[] = [];
  static onSend: ((xhr: FakeXhr) => void) | undefined;

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  responseType = '';
  aborted = false;
  private responseHeaders = '';
  upload: { onprogress: Handler } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }

  getAllResponseHeaders() {
    return this.responseHeaders;
  }

  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
    FakeXhr.onSend?.(this);
  }

  abort() {
    this.aborted = true;
    this.onabort?.();
  }

  /** The browser has sent `loaded` bytes of `total`. */
  progress(loaded: number, total: number, lengthComputable = true) {
    this.upload.onprogress?.({ loaded, total, lengthComputable } as ProgressEvent);
  }

  /** The server answers: JSON for an object, text as it is. */
  answer(status: number, body?: unknown, contentType = status >= 400 ? 'application/problem+json' : 'application/json') {
    this.status = status;
    this.statusText = String(status);
    this.responseText = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    this.responseHeaders = `content-type: ${contentType}\r\nx-request-id: test`;
    this.onload?.();
  }

  /** No answer: the network failed. */
  fail() {
    this.onerror?.();
  }
}

/** Replaces XMLHttpRequest for the test; returns the requests as they are sent. */
export function stubXhr(onSend?: (xhr: FakeXhr) => void): FakeXhr[] {
  FakeXhr.sent = [];
  FakeXhr.onSend = onSend;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return FakeXhr.sent;
}
