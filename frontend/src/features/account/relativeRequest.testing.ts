// Tests only: Node's Request cannot parse the relative URLs the API client makes (its base URL is ''), so every
// request would fail as a network error before reaching stubApi. Import this module FIRST in a test file, before
// anything that imports the client (which keeps the Request it saw when created): relative URLs then resolve
// against jsdom's location. (Belongs in src/test/setup.ts; kept here because that file is not ours.)
const NativeRequest = globalThis.Request;

class RelativeRequest extends NativeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, globalThis.location.href).href : input, init);
  }
}

globalThis.Request = RelativeRequest as typeof Request;
