// openapi-fetch builds a Request from a relative URL, which Node's Request refuses outside a browser: resolve it
// against the test page's origin. Import this first in a test file, before the API client is loaded.
const Native = globalThis.Request;
globalThis.Request = class extends Native {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, globalThis.location.href).href : input, init);
  }
};
