// Integrations end to end, on a server that may deliver webhooks to loopback (WEBHOOK_ALLOW_LOOPBACK, see the
// harness): an admin registers an endpoint pointing at a tiny receiver this test runs on 127.0.0.1, keeps the
// secret shown once, sends a test and sees it delivered in the log (the receiver checks the signature with that
// secret); then issues an API key, copies the token shown once, calls the API with it, revokes it and is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, freshServerAndBrowser, openBrowser, PHONE, screenshot, signIn, signOut, strings, useLocale } from './harness';

const admin = 'admin.integrations@e2e.test';
/** A text as read on screen: without the invisible isolates around names and addresses. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '');
/** An i18n template with its values put in. */
const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

/** A receiver of webhooks on 127.0.0.1: keeps every request and answers 200. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: HttpServer = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('thanks');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hooks/e2e`, received, close: () => new Promise((done) => server.close(() => done())) };
}

/** Whether a request carries a Standard Webhooks signature made with `secret` (any of the space-separated ones). */
function signedWith(secret: string, { headers, body }: Received): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = String(headers['webhook-timestamp'] ?? '');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64'));
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .map((signature) => Buffer.from(signature.replace(/^v1,/, '')))
    .some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected));
}

/** Waits until the log shows a row with all these texts, reading it again now and then (it also polls itself). */
async function waitForLogRow(page: Page, table: string, refresh: string, texts: string[], timeout = 60_000) {
  const rows = page.getByRole('region', { name: table }).getByRole('row');
  const until = Date.now() + timeout;
  for (;;) {
    let row = rows;
    for (const text of texts) row = row.filter({ hasText: text });
    if ((await row.count()) > 0) return row.first();
    if (Date.now() > until) throw new Error(`no delivery showing ${texts.join(' + ')} in the log`);
    await page.waitForTimeout(1_000);
    await page.getByRole('button', { name: refresh }).click();
  }
}

async function callsWith(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/calls`, { headers: { Authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return response.status;
}

describe('integrations: webhooks and API keys', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  const fresh = freshServerAndBrowser(({ server }) => {
    server.createUser(admin, 'مدیر یکپارچگی', ['admin']);
  });
  let endpointPath = '';

  it('an admin registers an endpoint, keeps its secret shown once, sends a test and sees it delivered', async () => {
    const { server, browser: { page } } = fresh;
    const s = strings('fa');
    const a = s.admin;
    await page.goto(server.url);
    await useLocale(page, 'fa');
    await signIn(page, server, 'fa', admin);
    await page.getByRole('navigation', { name: s.common.mainNavigation }).getByRole('link', { name: s.common.nav.webhooks }).click();
    await page.getByRole('heading', { level: 1, name: a.webhooks.title }).waitFor();
    await page.getByText(a.webhooks.none).waitFor();

    await page.getByRole('button', { name: a.webhooks.register }).click();
    const form = page.getByRole('form', { name: a.webhooks.registerTitle });
    await form.getByRole('textbox', { name: new RegExp(`^${a.webhooks.url.replace(/[()]/g, '\\$&')}`) }).fill(receiver.url);
    await form.getByLabel(a.webhooks.description).fill('گیرندهٔ آزمون');
    await form.getByRole('checkbox', { name: a.webhookEvents.call_opened.label }).check();
    await form.getByRole('checkbox', { name: a.webhookEvents.decisions_published.label }).check();
    await expectAccessible(page, 'register a webhook endpoint (fa)');
    await screenshot(page, 'webhook-register-fa-desktop');
    await form.getByRole('button', { name: a.webhooks.submit }).click();

    // The secret, once: in a box of its own, with the warning.
    const box = page.getByLabel(fill(a.secret.label, { url: receiver.url }));
    await box.waitFor();
    const secret = await box.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await page.getByText(a.secret.once).waitFor();
    await expectAccessible(page, 'webhook secret shown once (fa)');
    await screenshot(page, 'webhook-secret-fa-desktop');
    await page.getByRole('button', { name: a.secret.done }).click();
    expect(await page.getByLabel(fill(a.secret.label, { url: receiver.url })).count()).toBe(0);
    // Gone for good: a fresh page of the list does not have it either.
    await page.reload();
    const row = page.getByRole('region', { name: a.webhooks.tableLabel }).getByRole('row').filter({ hasText: receiver.url });
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(plain(await row.textContent())).toContain(a.webhooks.enabled);

    // The endpoint's page: send a test, and see it delivered in the log.
    await row.getByRole('link', { name: fill(a.webhooks.openFor, { url: receiver.url }) }).click();
    await page.getByRole('heading', { level: 1, name: a.endpoint.title }).waitFor();
    endpointPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: a.endpoint.ping }).click();
    await page.getByRole('status').filter({ hasText: a.endpoint.pinged }).waitFor();
    const delivered = await waitForLogRow(page, a.deliveries.tableLabel, a.deliveries.refresh, [a.webhookEvents.webhook_ping.label, a.deliveryStates.delivered]);
    expect(plain(await delivered.textContent())).toContain('۲۰۰');
    await expectAccessible(page, 'webhook endpoint and its log (fa)');
    await screenshot(page, 'webhook-endpoint-fa-desktop');

    // The receiver got it, signed with the secret shown once.
    const pings = receiver.received.filter((request) => request.body.includes('webhook.ping'));
    expect(pings.length).toBeGreaterThanOrEqual(1);
    const ping = pings[0]!;
    expect(ping.path).toBe('/hooks/e2e');
    expect(ping.headers['content-type']).toContain('application/json');
    expect(String(ping.headers['webhook-id'])).toMatch(/^msg_/);
    expect(signedWith(secret, ping)).toBe(true);
    expect(signedWith('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', ping)).toBe(false);

    // Its details: the payload as sent, and the attempt with its answer.
    await delivered.getByRole('link', { name: fill(a.deliveries.detailsFor, { id: String(ping.headers['webhook-id']) }) }).click();
    await page.getByRole('heading', { level: 1, name: a.delivery.title }).waitFor();
    const payload = page.getByLabel(a.delivery.payload, { exact: true }).and(page.locator('pre'));
    expect(JSON.parse((await payload.textContent()) ?? '')).toEqual(JSON.parse(ping.body));
    expect(await payload.getAttribute('dir')).toBe('ltr');
    const attempt = page.getByRole('region', { name: a.delivery.attemptLogLabel }).getByRole('row').nth(1);
    expect(plain(await attempt.textContent())).toContain('۲۰۰');
    expect(plain(await attempt.textContent())).toContain('thanks');
    await expectAccessible(page, 'webhook delivery (fa)');
    await screenshot(page, 'webhook-delivery-fa-desktop');
  });

  it('an admin issues an API key, whose token reads the API until it is revoked', async () => {
    const { server, browser: { page, context } } = fresh;
    const s = strings('en');
    const a = s.admin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await useLocale(page, 'en');
    await page.getByRole('navigation', { name: s.common.mainNavigation }).getByRole('link', { name: s.common.nav.apiKeys }).click();
    await page.getByRole('heading', { level: 1, name: a.apiKeys.title }).waitFor();
    await page.getByText(a.apiKeys.none).waitFor();

    await page.getByRole('button', { name: a.apiKeys.issue }).click();
    const form = page.getByRole('form', { name: a.apiKeys.issueTitle });
    await form.getByRole('textbox', { name: new RegExp(`^${a.apiKeys.name}`) }).fill('Open data portal');
    await form.getByRole('checkbox', { name: a.apiScopes.public_read.label }).check();
    await expectAccessible(page, 'issue an API key (en)');
    await screenshot(page, 'api-key-issue-en-desktop');
    await form.getByRole('button', { name: a.apiKeys.submit }).click();

    // The token, once: copied with the button, as the usage hint shows it.
    const box = page.getByLabel(fill(a.apiToken.label, { name: 'Open data portal' }));
    await box.waitFor();
    const shown = await box.inputValue();
    expect(shown).toMatch(/^cdk_/);
    await page.getByText(a.apiToken.once).waitFor();
    await page.getByText(`Authorization: Bearer ${shown}`).waitFor();
    await page.getByRole('button', { name: a.apiToken.copy }).click();
    await page.getByRole('status').filter({ hasText: a.apiToken.copied }).waitFor();
    const token = await page.evaluate(() => navigator.clipboard.readText());
    expect(token).toBe(shown);
    await expectAccessible(page, 'API key token shown once (en)');
    await screenshot(page, 'api-key-token-en-desktop');
    await page.getByRole('button', { name: a.apiToken.done }).click();

    const row = page.getByRole('region', { name: a.apiKeys.tableLabel }).getByRole('row').filter({ hasText: 'Open data portal' });
    await row.waitFor();
    expect(plain(await row.textContent())).toContain(token.slice(0, 12));
    expect(plain(await row.textContent())).toContain(a.apiKeyStatus.active);
    expect(await page.content()).not.toContain(token);

    // Another system calls the API with it.
    expect(await callsWith(server.url, token)).toBe(200);
    expect(await callsWith(server.url, `${token}x`)).toBe(401);

    // Revoked after a confirmation: refused from then on.
    await row.getByRole('button', { name: fill(a.apiKeys.revokeFor, { name: 'Open data portal' }) }).click();
    await row.getByText(fill(a.apiKeys.revokeQuestion, { name: 'Open data portal' })).waitFor();
    await row.getByRole('button', { name: a.apiKeys.revokeConfirm }).click();
    await page.getByRole('status').filter({ hasText: fill(a.apiKeys.revoked, { name: 'Open data portal' }) }).waitFor();
    await row.getByText(a.apiKeyStatus.revoked, { exact: true }).waitFor();
    expect(await callsWith(server.url, token)).toBe(401);
    await expectAccessible(page, 'API keys (en)');
    await screenshot(page, 'api-keys-en-desktop');
    await signOut(page, 'en');
  });

  it('the webhook and API key pages fit a 360-pixel phone', async () => {
    const { server } = fresh;
    const phone = await openBrowser(PHONE);
    try {
      const { page } = phone;
      const s = strings('fa');
      await signIn(page, server, 'fa', admin);
      await page.goto(`${server.url}/admin/webhooks`);
      await page.getByRole('region', { name: s.admin.webhooks.tableLabel }).waitFor();
      await expectFitsPhone(page, 'webhooks (fa)');
      await screenshot(page, 'webhooks-fa-phone');
      await page.goto(`${server.url}${endpointPath}`);
      await page.getByRole('region', { name: s.admin.deliveries.tableLabel }).waitFor();
      await expectFitsPhone(page, 'webhook endpoint (fa)');
      await screenshot(page, 'webhook-endpoint-fa-phone');
      await page.goto(`${server.url}/admin/api-keys`);
      // The page's section bears the same name as its table: wait for the table's scrolling region itself.
      await page.locator('.table-scroll').getByRole('table').waitFor();
      await expectFitsPhone(page, 'API keys (fa)');
      await screenshot(page, 'api-keys-fa-phone');
    } finally {
      await phone.close();
    }
  });
});
