// What every end-to-end journey needs: the real server on a fresh SQLite database serving the built SPA,
// Debian's chromium through playwright-core, axe-core, screenshots, and the app's own strings per locale. Every
// browser it opens watches for Content-Security-Policy violations: one fails the test it happened in.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { resources } from '@/app/resources';
import type { Schema } from '@/lib/api/types';

export type Locale = 'fa' | 'en';
export const strings = (locale: Locale) => resources[locale];

const FRONTEND = resolve(__dirname, '..');
const BINARY = process.env.CD_BIN ?? resolve(FRONTEND, '../target/debug/citizen-diplomat');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve(FRONTEND, 'e2e/artifacts');
// At least 12 characters, none of the most common passwords, and nothing of any test account's e-mail or name.
export const PASSWORD = 'quiet-lantern-1405';

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** A JSON object as the API answers it, for set-up code that does not need the generated schema types. */
export type Json = Record<string, unknown>;

/** What a set-up call through the API may carry besides its method and path. */
export type ApiOptions = {
  /** An access token (see `Server.signInApi`), sent as `Authorization: Bearer …`. */
  token?: string;
  /** Sent as JSON, with `Content-Type: application/json`; none when undefined. */
  body?: unknown;
  /** Extra headers, e.g. `If-Match`; they win over the ones above. */
  headers?: Record<string, string>;
};

export type Server = {
  url: string;
  /** The server's DATA_DIR: its SQLite file and, with no MAIL_URL, the messages it sends as .eml files in mail/. */
  dataDir: string;
  /** Creates an account with the CLI (roles beyond citizen), password PASSWORD. */
  createUser: (email: string, displayName: string, roles?: string[]) => void;
  /**
   * Calls the API directly, for test set-up that is not what the test is about. `path` is relative to `/api/v1`
   * (e.g. `/calls`). Returns the parsed JSON answer (undefined when the body is empty); throws with the method,
   * path, status and body text on any non-2xx answer.
   */
  api: <T = Json>(method: string, path: string, options?: ApiOptions) => Promise<T>;
  /** Signs in through the API (not the login page) and returns the access token for `api`'s `token`. */
  signInApi: (email: string, password?: string) => Promise<string>;
  stop: () => Promise<void>;
};

/** How a journey's server differs from the default one: extra environment, e.g. `REQUIRE_SECOND_FACTOR: 'true'`. */
export type ServerOptions = { env?: Record<string, string> };

export async function startServer({ env: extra = {} }: ServerOptions = {}): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-e2e-data-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    LISTEN_ADDR: `127.0.0.1:${port}`,
    STATIC_DIR: resolve(FRONTEND, 'dist'),
    LOG_FORMAT: 'text',
    RUST_LOG: 'warn',
    // The journeys sign staff and admins in with a password alone; the second factor's journey enrols one of
    // its own accord, from the profile (e2e/security.e2e.ts).
    REQUIRE_SECOND_FACTOR: 'false',
    REQUIRE_EMAIL_VERIFICATION: 'false',
    // The links in the messages it mails lead to this server.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    // Webhooks may go to http://127.0.0.1:<port>/, where a journey's own receiver listens (e2e/webhooks.e2e.ts);
    // every other target must still be https and public.
    WEBHOOK_ALLOW_LOOPBACK: 'true',
    ...extra,
  };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const migrate = spawnSync(BINARY, ['migrate'], { env, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
  const child: ChildProcess = spawn(BINARY, ['serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const ready = await fetch(`${url}/api/health/ready`);
      if (ready.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 100 || child.exitCode !== null) throw new Error(`the server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const passwordFile = join(dataDir, 'password');
  writeFileSync(passwordFile, `${PASSWORD}\n`);
  async function api<T = Json>(method: string, path: string, { token, body, headers = {} }: ApiOptions = {}): Promise<T> {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    url,
    dataDir,
    api,
    async signInApi(email, password = PASSWORD) {
      const tokens = await api<Schema<'TokenView'>>('POST', '/auth/login', { body: { email, password } });
      return tokens.accessToken;
    },
    createUser(email, displayName, roles = []) {
      const args = ['create-user', '--email', email, '--display-name', displayName, '--password-file', passwordFile];
      for (const role of roles) args.push('--role', role);
      const made = spawnSync(BINARY, args, { env, encoding: 'utf8' });
      if (made.status !== 0) throw new Error(`create-user failed: ${made.stderr}`);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Browser = {
  context: BrowserContext;
  page: Page;
  /** What the server's Content-Security-Policy refused in this browser since the last check. */
  cspViolations: string[];
  close: () => Promise<void>;
};

/** The browsers open now, whose CSP violations the next afterEach checks. */
const openBrowsers = new Set<Browser>();

// Registered by each test file that imports the harness: a test fails when the policy refused anything during
// it (an inline script or style, a font or image from elsewhere…), with what and where.
afterEach(() => {
  const violations = [...openBrowsers].flatMap((browser) => browser.cspViolations.splice(0));
  if (violations.length) throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
});

/**
 * Reports every violation through the console: the page's own securitypolicyviolation events (with the directive
 * and the blocked address), besides chromium's console message. Injected by the browser's debugging protocol,
 * so the policy does not apply to this script itself.
 */
function reportViolations() {
  document.addEventListener('securitypolicyviolation', (event) => {
    const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
    console.error(`CSP violation: ${event.effectiveDirective} refused ${event.blockedURI || 'inline'}${where} on ${location.pathname}`);
  });
}

/** The phone viewport the pages must fit: `openBrowser(PHONE)`. */
export const PHONE = { width: 360, height: 780 };

/** A fresh browser profile (no session, no stored locale) at a viewport. */
export async function openBrowser(viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cd-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    timezoneId: 'Asia/Tehran',
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  const cspViolations: string[] = [];
  await context.addInitScript(reportViolations);
  context.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|CSP violation/i.test(text)) cspViolations.push(text);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const browser: Browser = {
    context,
    page,
    cspViolations,
    async close() {
      openBrowsers.delete(browser);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
    },
  };
  openBrowsers.add(browser);
  return browser;
}

export type ServerAndBrowser = { readonly server: Server; readonly browser: Browser };

/**
 * A fresh server (its own empty database) and a fresh desktop browser for the calling describe block: registers
 * there a beforeAll that starts both, then runs `setUp` (accounts, API set-up, a first page…), and an afterAll
 * that closes the browser and stops the server. Read `server` and `browser` inside tests and hooks only: they
 * throw if read before the beforeAll has started them.
 */
export function freshServerAndBrowser(setUp?: (started: ServerAndBrowser) => Promise<void> | void, options: ServerOptions = {}): ServerAndBrowser {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const started: ServerAndBrowser = {
    get server() {
      if (!server) throw new Error('the server is not started yet: read it inside a test or hook');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not open yet: read it inside a test or hook');
      return browser;
    },
  };
  beforeAll(async () => {
    server = await startServer(options);
    browser = await openBrowser();
    await setUp?.(started);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return started;
}

/** How wide the page is against its viewport, with the elements that stick out when it is too wide. */
export type FitReport = { scrollWidth: number; width: number; culprits: string[] };

/**
 * Measures whether the page sticks out sideways: the document may be no wider than the viewport (less any
 * scrollbar). When it is, names the elements that stick out, leaving aside the insides of tables, which scroll in
 * their own region.
 */
export async function measureFit(page: Page): Promise<FitReport> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return { scrollWidth, width, culprits: [] };
    // Inside a scrolling table only what is taken out of the flow can widen the page.
    const counts = (el: Element) => !el.parentElement?.closest('.table-scroll') || getComputedStyle(el).position === 'absolute';
    const all = Array.from(document.querySelectorAll('body *')).filter(counts);
    // The outermost boxes that stick out, and the innermost whose text does (a long word or address that does not
    // wrap spills out of a box that fits).
    const out = all.filter((el) => {
      const box = el.getBoundingClientRect();
      return box.right > width + 1 || box.left < -1;
    });
    const spills = all.filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible');
    const culprits = [
      ...out.filter((el) => !out.includes(el.parentElement as Element)),
      ...spills.filter((el) => !spills.some((other) => other !== el && el.contains(other))),
    ]
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.textContent?.slice(0, 40)}`);
    return { scrollWidth, width, culprits };
  });
}

/** Fails if the page sticks out sideways (see `measureFit`), naming what sticks out. */
export async function expectFitsPhone(page: Page, where: string) {
  const report = await measureFit(page);
  expect(report.scrollWidth, `${where} is ${report.scrollWidth}px wide on a ${report.width}px screen: ${report.culprits.join(' | ')}`).toBeLessThanOrEqual(report.width);
}

const AXE_SOURCE = readFileSync(resolve(FRONTEND, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Fails on any serious or critical axe-core violation of the page as it is now. */
export async function expectAccessible(page: Page, where: string) {
  // Evaluated through the debugging protocol, not added as an inline <script>, which the policy refuses.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) throw new Error(`${where}: accessibility violations:\n${JSON.stringify(serious, null, 2)}`);
}

/** Saves a full-page screenshot as e2e/artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string) {
  const folder = join(ARTIFACTS, 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}

/** Chooses the interface language the way a user does: the switch in the header. */
export async function useLocale(page: Page, locale: Locale) {
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang === locale) return;
  await page.getByRole('button', { name: strings(lang as Locale).common.switchToLabel }).click();
  await page.waitForFunction((want) => document.documentElement.lang === want, locale);
}

/** Signs in through the login page. */
export async function signIn(page: Page, server: Server, locale: Locale, email: string) {
  const s = strings(locale);
  await page.goto(`${server.url}/login`);
  await page.getByLabel(s.account.fields.email).fill(email);
  await page.getByLabel(s.account.fields.password).fill(PASSWORD);
  await page.getByRole('button', { name: s.account.login.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function signOut(page: Page, locale: Locale) {
  await page.getByRole('button', { name: strings(locale).common.nav.signOut, exact: true }).click();
  await page.getByRole('link', { name: strings(locale).common.nav.signIn }).waitFor();
}
