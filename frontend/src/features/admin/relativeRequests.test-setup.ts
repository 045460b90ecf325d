// Node's Request refuses relative URLs, and the API client asks for `/api/v1/…` (baseUrl ''): under Vitest, resolve
// them against the test page's origin. Import this first in a test that lets the client call a stubbed fetch.
// (It belongs in src/test/setup.ts; features may not change it, so the lead may move it there.)
const Native = globalThis.Request;
if (!(Native as unknown as { relativePatched?: boolean }).relativePatched) {
  class RelativeRequest extends Native {
    static relativePatched = true;
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' && input.startsWith('/') ? new URL(input, globalThis.location?.origin ?? 'http://localhost') : input, init);
    }
  }
  globalThis.Request = RelativeRequest as typeof Request;
}
export {};
