// JumpCloud end to end (issue #4): the built extension in real Chromium against the strict
// JumpCloud mock on the real hostnames. Captures go through the in-page "Save to Keyhold" button on
// the fixture Admin Portal; verdicts, organization choice and the guide are read in the side panel;
// what JumpCloud received is read from the mock's request log.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect, PASSPHRASE, type ExtensionHandle, type Mocks } from './fixtures';
import { header, type MockRequest } from '../mock-vendors/server';
import type { Region } from '../mock-vendors/jumpcloud';
import { openCredentialById, showTestTables } from './credential-helpers';

// ---------------------------------------------------------------------------------------------
// Helpers

const consoleHost = (region: Region) => `console${region === 'us' ? '' : `.${region}`}.jumpcloud.com`;
const oauthHost = (region: Region) => `admin-oauth.id${region === 'us' ? '' : `.${region}`}.jumpcloud.com`;
const consoleUrl = (region: Region, route: string) => `https://${consoleHost(region)}/#${route}`;

/** Requests the mock received for one host, optionally one path, oldest first. */
function requestsTo(mocks: Mocks, host: string, path?: string): MockRequest[] {
  return mocks.server.requests.filter((request) => request.host === host && (path === undefined || request.path === path));
}

/** Every console message of every page of the context (console page, side panel, extension
 *  pages) and of the extension's service worker, as text, to check that no secret is logged. */
function collectConsoleMessages(context: BrowserContext, extension: ExtensionHandle) {
  const messages: string[] = [];
  const record = (where: string) => (message: { type(): string; text(): string }) => messages.push(`[${where}] ${message.type()}: ${message.text()}`);
  context.on('console', (message) => messages.push(`[${message.page()?.url() ?? 'page'}] ${message.type()}: ${message.text()}`));
  context.on('weberror', (error) => messages.push(`[weberror] ${String(error.error())}`));
  const watchWorker = (worker: { on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown; url(): string }) => {
    if (worker.url().startsWith(`chrome-extension://${extension.id}/`)) worker.on('console', record('service worker'));
  };
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);
  return {
    messages,
    /** Also listen on one page explicitly (the console page and the side panel). */
    watch(page: Page) {
      page.on('pageerror', (error) => messages.push(`[pageerror ${page.url()}] ${error.message}`));
    },
    /** Log a marker from `page` and wait until it is collected: proves the collector listens. */
    async probe(page: Page) {
      const marker = `keyhold-e2e-probe ${Math.random().toString(36).slice(2)}`;
      await page.evaluate((text) => console.log(text), marker);
      await expect.poll(() => messages.some((text) => text.includes(marker))).toBe(true);
    },
    expectNoSecrets(secrets: string[]) {
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(8);
        const leaks = messages.filter((text) => text.includes(secret) || text.includes(Buffer.from(secret).toString('base64')));
        expect(leaks, `console messages containing a secret`).toEqual([]);
      }
    },
  };
}

/** A fresh Chromium tab on the fixture console. */
async function openConsole(context: BrowserContext, region: Region, route: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(consoleUrl(region, route));
  return page;
}

/** Account menu → My API Key → Generate New API Key → Generate; resolves once the key is shown. */
async function generateApiKey(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'My API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'My API Key' });
  await dialog.getByRole('button', { name: 'Generate New API Key' }).click();
  await expect(dialog.getByRole('alert')).toContainText('revokes your current key');
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  // The key appears late (600 ms after the request), as in the real console.
  const key = dialog.getByRole('textbox', { name: 'API Key' });
  await expect(key).toHaveValue(/^jca_[A-Za-z0-9]{36}$/);
  await expect(dialog.locator('#api-key-expires')).toContainText('Expires on');
  return key;
}

/** Settings → Service Accounts → + New → name, role, Client Secret, lifetime → Activate. */
async function createServiceAccount(page: Page, input: { name: string; role: string; lifetimeDays: number }): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('tab', { name: 'Service Accounts' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: '+ New' }).click();
  await expect(page.getByRole('heading', { name: 'New Service Account' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(input.name);
  await page.getByLabel('Role', { exact: true }).selectOption(input.role);
  await page.getByRole('radio', { name: 'Client Secret' }).check();
  await page.getByLabel('Secret Lifetime').selectOption(String(input.lifetimeDays));
  await page.getByRole('button', { name: 'Activate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Service Account Activated' });
  await expect(dialog.getByLabel('Client Secret', { exact: true })).toHaveValue(/^\S{26}$/);
  return dialog;
}

/** The side panel page, following the given console tab. */
async function openSidePanel(extension: ExtensionHandle, consolePage: Page): Promise<Page> {
  return extension.open(`sidepanel.html?tab=${await extension.tabIdOf(consolePage)}`);
}

const cardOf = (panel: Page, id: string) => panel.locator(`article[data-credential="${id}"]`);

async function onlyCredential(extension: ExtensionHandle) {
  const list = await extension.call('credentials.list');
  expect(list).toHaveLength(1);
  return list[0];
}

/** ms between two ISO dates. */
const gap = (a: string | undefined, b: string | undefined) => Math.abs(Date.parse(a ?? '') - Date.parse(b ?? ''));

// ---------------------------------------------------------------------------------------------
// Capture through the console page

test('API key (US): generated in My API Key, saved with the in-page button, tested with x-api-key', async ({ context, extension, mocks }) => {
  const log = collectConsoleMessages(context, extension);
  await extension.call('vault.create', { passphrase: PASSPHRASE });

  const page = await openConsole(context, 'us', '/home');
  log.watch(page);
  await expect(page.getByRole('heading', { name: 'Home', exact: true })).toBeVisible();
  const tabId = await extension.tabIdOf(page);
  await expect.poll(async () => (await extension.call('console.state', { tabId }))?.tenant).toBe('console.jumpcloud.com');

  const key = await generateApiKey(page);
  // The home page behind the dialog is full of key-like decoys: only the new key gets a button.
  await expect(page.locator('keyhold-capture')).toHaveCount(1);
  const issued = mocks.jumpcloud.issued.findLast((entry) => entry.kind === 'api-key');
  expect(issued?.kind).toBe('api-key');
  const apiKey = issued!.kind === 'api-key' ? issued!.apiKey : '';
  await expect(key).toHaveValue(apiKey);
  await expect.poll(async () => (await extension.call('console.state', { tabId }))?.step).toBe('key-capture');

  // The button lives in an open shadow root of <keyhold-capture>, right after the key.
  await page.getByRole('button', { name: 'Save to Keyhold' }).click();
  const button = page.locator('keyhold-capture').getByRole('button');
  await expect(button).toHaveText('Saved · works');
  await expect(button).toHaveAttribute('data-state', 'ok');

  const credential = await onlyCredential(extension);
  expect(credential.vendor).toBe('jumpcloud-api-key');
  expect(credential.label).toBe('JumpCloud API key (US) admin@acme-us.example');
  expect(credential.source?.url).toBe('https://console.jumpcloud.com/');
  expect(credential.lastTest?.ok).toBe(true);
  // The expiry shown beside the key ("Expires on …", minute precision) is stored with it.
  expect(gap(credential.expiresAt, issued!.expiresAt)).toBeLessThan(60_000);
  expect((await extension.call('credentials.reveal', { id: credential.id })).values).toEqual({
    apiKey,
    region: 'us',
    adminEmail: 'admin@acme-us.example',
  });

  // JumpCloud got exactly the key as x-api-key, no organization header, no other auth.
  const calls = mocks.server.requests.filter((request) => request.path.startsWith('/api/'));
  expect(calls.map((request) => `${request.method} ${request.host}${request.path}`)).toEqual([
    'GET console.jumpcloud.com/api/systemusers',
    'GET console.jumpcloud.com/api/v2/systemgroups',
  ]);
  for (const call of calls) {
    expect(header(call, 'x-api-key')).toBe(apiKey);
    expect(header(call, 'x-org-id')).toBeUndefined();
    expect(header(call, 'authorization')).toBeUndefined();
  }
  expect(requestsTo(mocks, 'console.eu.jumpcloud.com').length + requestsTo(mocks, 'console.in.jumpcloud.com').length).toBe(0);

  // The side panel shows the verdict, the permissions and the expiry.
  const panel = await openSidePanel(extension, page);
  log.watch(panel);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('JumpCloud · console.jumpcloud.com');
  const card = cardOf(panel, credential.id);
  await expect(card.getByRole('status')).toContainText('Works: The API key works in JumpCloud US');
  await expect(card.getByText('works', { exact: true })).toBeVisible();
  await expect(card.getByText(/^expires in (89|90) days$/)).toBeVisible();
  await showTestTables(card);
  await expect(card.getByRole('table', { name: 'Permissions' })).toContainText('Read device groups');
  await expect(panel.locator('li[data-step][aria-current="step"]')).toHaveAttribute('data-step', 'key-capture');

  await log.probe(page);
  await log.probe(panel);
  log.expectNoSecrets([apiKey]);
});

for (const region of ['us', 'eu'] as const) {
  test(`service account (${region.toUpperCase()}): created on the console, saved beside the secret, token + reads`, async ({ context, extension, mocks }) => {
    const log = collectConsoleMessages(context, extension);
    await extension.call('vault.create', { passphrase: PASSPHRASE });

    const page = await openConsole(context, region, '/home');
    log.watch(page);
    await expect(page.getByRole('heading', { name: 'Home', exact: true })).toBeVisible();
    const dialog = await createServiceAccount(page, { name: 'Keyhold inventory sync', role: 'Read Only', lifetimeDays: 30 });
    const issued = mocks.jumpcloud.issued.findLast((entry) => entry.kind === 'service-account');
    if (issued?.kind !== 'service-account') throw new Error('The fixture page issued no service account');
    expect(issued.region).toBe(region);
    await expect(dialog.getByLabel('Client ID', { exact: true })).toHaveValue(issued.clientId);
    await expect(dialog.getByLabel('Client Secret', { exact: true })).toHaveValue(issued.clientSecret);

    // One button, right beside the Client Secret.
    await expect(page.locator('keyhold-capture')).toHaveCount(1);
    const beside = dialog.locator('#sa-client-secret + keyhold-capture');
    await beside.getByRole('button', { name: 'Save to Keyhold' }).click();
    await expect(beside.getByRole('button')).toHaveText('Saved · works');

    const credential = await onlyCredential(extension);
    expect(credential.vendor).toBe('jumpcloud-service-account');
    expect(credential.label).toBe(`JumpCloud service account ${issued.clientId} (${region.toUpperCase()})`);
    expect(credential.source?.url).toBe(`https://${consoleHost(region)}/`);
    // "Expires On" from the once-shown dialog is the credential's expiry.
    expect(credential.expiresAt).toBeDefined();
    expect(gap(credential.expiresAt, issued.expiresAt)).toBeLessThan(60_000);
    expect(credential.lastTest).toMatchObject({ ok: true, tokenExpiresIn: 3599 });
    expect((await extension.call('credentials.reveal', { id: credential.id })).values).toEqual({
      clientId: issued.clientId,
      clientSecret: issued.clientSecret,
      region,
    });

    // Token request: the region's admin-oauth host, HTTP Basic, form body, nothing secret in it.
    const tokenCalls = requestsTo(mocks, oauthHost(region));
    expect(tokenCalls).toHaveLength(1);
    const [token] = tokenCalls;
    expect(`${token.method} ${token.path}`).toBe('POST /oauth2/token');
    expect(header(token, 'content-type')).toMatch(/^application\/x-www-form-urlencoded\b/);
    expect(header(token, 'authorization')).toBe(`Basic ${Buffer.from(`${issued.clientId}:${issued.clientSecret}`).toString('base64')}`);
    expect(Object.fromEntries(token.form ?? [])).toEqual({ grant_type: 'client_credentials', scope: 'api' });
    expect(token.body).not.toContain(issued.clientSecret);
    expect(token.query.size).toBe(0);

    // Reads: the region's console API with the bearer token, no key, no organization.
    const reads = requestsTo(mocks, consoleHost(region)).filter((request) => request.path.startsWith('/api/'));
    expect(reads.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/systemusers', 'GET /api/v2/systemgroups']);
    for (const read of reads) {
      expect(header(read, 'authorization')).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      expect(header(read, 'x-api-key')).toBeUndefined();
      expect(header(read, 'x-org-id')).toBeUndefined();
    }
    // Nothing went to another region.
    const elsewhere = mocks.server.requests.filter((request) => /jumpcloud\.com$/.test(request.host) && request.host !== consoleHost(region) && request.host !== oauthHost(region));
    expect(elsewhere.map((request) => request.host)).toEqual([]);

    // Side panel: verdict, token lifetime, expiry in the credential list.
    const panel = await openSidePanel(extension, page);
    log.watch(panel);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(`JumpCloud · ${consoleHost(region)}`);
    const card = cardOf(panel, credential.id);
    await expect(card.getByRole('status')).toContainText(`Works: The service account works in JumpCloud ${region.toUpperCase()}`);
    await expect(card.getByText('Token lifetime: 60 min')).toBeVisible();
    await expect(card.getByText(/^expires in (29|30) days$/)).toBeVisible();
    await showTestTables(card);
    await expect(card.getByRole('table', { name: 'Requests' })).toContainText('Token request');

    // Closing the once-shown dialog removes the value, and the button with it.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('heading', { name: 'Keyhold inventory sync' })).toBeVisible();
    await expect(page.locator('keyhold-capture')).toHaveCount(0);

    log.expectNoSecrets([issued.clientSecret]);
  });
}

test('the guide in the side panel follows JumpCloud hash-route changes without a reload', async ({ context, extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const page = await openConsole(context, 'us', '/home');
  await expect(page.getByRole('heading', { name: 'Home', exact: true })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const panel = await openSidePanel(extension, page);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('JumpCloud · console.jumpcloud.com');

  const current = panel.locator('li[data-step][aria-current="step"]');
  const guideChoice = (name: string | RegExp) => panel.getByRole('group', { name: 'What to create' }).getByRole('radio', { name });
  // Home is no guide step.
  await expect(current).toHaveCount(0);
  await expect(guideChoice(/^Service account/)).toBeChecked();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(current).toHaveAttribute('data-step', 'sa-open');

  await page.getByRole('button', { name: '+ New' }).click();
  await expect(current).toHaveAttribute('data-step', 'sa-details');
  await expect(panel.locator('li[data-step="sa-open"]')).toHaveClass(/done/);

  await page.getByRole('radio', { name: 'Client Secret' }).check();
  await expect(current).toHaveAttribute('data-step', 'sa-secret');

  // Back in history is a hash change too.
  await page.goBack();
  await expect(page).toHaveURL(/#\/settings\/service-accounts$/);
  await expect(current).toHaveAttribute('data-step', 'sa-open');

  // The account menu and the My API Key dialog switch the guide to the API key.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await expect(current).toHaveAttribute('data-step', 'key-open');
  await expect(guideChoice('Admin API key')).toBeChecked();
  await page.getByRole('menuitem', { name: 'My API Key' }).click();
  await expect(current).toHaveAttribute('data-step', 'key-generate');

  // A route set by script (the dialog closes on hashchange) leaves the guide without a step.
  await page.evaluate(() => (location.hash = '#/devices'));
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  await expect(current).toHaveCount(0);
  await page.evaluate(() => (location.hash = '#/settings/service-accounts/new'));
  await expect(current).toHaveAttribute('data-step', 'sa-details');
  await expect(guideChoice(/^Service account/)).toBeChecked();

  const state = await extension.call('console.state', { tabId: await extension.tabIdOf(page) });
  expect(state).toMatchObject({ consoleId: 'jumpcloud', tenant: 'console.jumpcloud.com', step: 'sa-details' });
  // All of this happened in one document: no reload.
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

// ---------------------------------------------------------------------------------------------
// Multi-tenant organization choice

test('a multi-tenant admin key fails without an organization and works once one is picked in the side panel', async ({ context, extension, mocks }) => {
  const log = collectConsoleMessages(context, extension);
  mocks.jumpcloud.setConsoleAdmin('us', { multiTenant: true, orgs: 3 });
  const orgs = mocks.jumpcloud.consoleAdmin('us').orgs;
  await extension.call('vault.create', { passphrase: PASSPHRASE });

  const page = await openConsole(context, 'us', '/home');
  log.watch(page);
  await expect(page.locator('#org-name')).toHaveText('Multi-Tenant Portal');
  await generateApiKey(page);
  const issued = mocks.jumpcloud.issued.findLast((entry) => entry.kind === 'api-key');
  if (issued?.kind !== 'api-key') throw new Error('The fixture page issued no API key');
  await page.getByRole('button', { name: 'Save to Keyhold' }).click();
  await expect(page.locator('keyhold-capture').getByRole('button')).toHaveText('Saved · pick an organization');

  const credential = await onlyCredential(extension);
  expect(credential.lastTest).toMatchObject({ ok: false, code: 'ORGANIZATION_REQUIRED' });
  expect(credential.lastTest?.message).toContain('organization');

  const panel = await openSidePanel(extension, page);
  log.watch(panel);
  const card = cardOf(panel, credential.id);
  const status = card.getByRole('status');
  await expect(status).toContainText('Failed (ORGANIZATION_REQUIRED)');
  await expect(status).toContainText('organization');
  await expect(card.getByText('failing', { exact: true })).toBeVisible();

  const select = card.getByLabel('Organization', { exact: true });
  await expect(select.locator('option')).toHaveText(['Choose…', ...orgs.map((org) => org.name)]);
  const retest = card.getByRole('button', { name: 'Use and test again' });
  await expect(retest).toBeDisabled();
  const chosen = orgs[1];
  await select.selectOption({ label: chosen.name });
  await retest.click();

  // The pick is stored (credentials.update { orgId }) and the key tested again: either the new
  // verdict or an error under the card.
  const alert = card.getByRole('alert');
  await expect(alert.or(status.filter({ hasText: /^Works/ }))).toBeVisible();
  expect(await alert.allTextContents(), 'error shown after "Use and test again"').toEqual([]);
  await expect(status).toContainText(`Works: The API key works in JumpCloud US (organization ${chosen.id})`);
  await expect(card.getByLabel('Organization', { exact: true })).toHaveCount(0);
  await expect(card.getByText('works', { exact: true })).toBeVisible();
  expect((await extension.call('credentials.reveal', { id: credential.id })).values).toMatchObject({ apiKey: issued.apiKey, region: 'us', orgId: chosen.id });

  // First test: no x-org-id → 401 → organizations listed (with the key, without an org).
  // After the pick: x-org-id on both reads.
  const calls = requestsTo(mocks, 'console.jumpcloud.com').filter((request) => request.path.startsWith('/api/'));
  expect(calls.map((request) => [request.path, header(request, 'x-org-id') ?? null])).toEqual([
    ['/api/systemusers', null],
    ['/api/organizations', null],
    ['/api/systemusers', chosen.id],
    ['/api/v2/systemgroups', chosen.id],
  ]);
  for (const call of calls) expect(header(call, 'x-api-key')).toBe(issued.apiKey);

  log.expectNoSecrets([issued.apiKey]);
});

// ---------------------------------------------------------------------------------------------
// Failures

test('a key JumpCloud does not know, added by hand in the side panel, fails with INVALID_CREDENTIALS', async ({ context, extension, mocks }) => {
  const log = collectConsoleMessages(context, extension);
  const badKey = 'jca_NotAKeyJumpCloudKnows0123456789abcde';
  expect(badKey).toMatch(/^jca_[A-Za-z0-9]{36}$/);
  await extension.call('vault.create', { passphrase: PASSPHRASE });

  const panel = await extension.open('sidepanel.html');
  log.watch(panel);
  await expect(panel.getByText('Vault unlocked')).toBeVisible();
  await panel.getByRole('button', { name: 'Add a credential by hand' }).click();
  const form = panel.getByRole('form', { name: 'Add a credential by hand' });
  await form.getByLabel('Vendor', { exact: true }).selectOption({ label: 'JumpCloud admin API key' });
  await form.getByLabel('API key', { exact: true }).fill(badKey);
  await form.getByLabel('Region', { exact: true }).selectOption('us');
  await form.getByRole('button', { name: 'Save to vault' }).click();
  await expect(form).toHaveCount(0);

  const credential = await onlyCredential(extension);
  expect(credential.vendor).toBe('jumpcloud-api-key');
  const card = cardOf(panel, credential.id);
  await expect(card.getByText('not tested', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Test', exact: true }).click();
  const status = card.getByRole('status');
  await expect(status).toContainText('Failed (INVALID_CREDENTIALS)');
  await expect(status).toContainText('console.jumpcloud.com rejected the API key (HTTP 401)');
  await expect(card.getByText('failing', { exact: true })).toBeVisible();

  const calls = requestsTo(mocks, 'console.jumpcloud.com', '/api/systemusers');
  expect(calls).toHaveLength(1);
  expect(header(calls[0], 'x-api-key')).toBe(badKey);
  expect(header(calls[0], 'x-org-id')).toBeUndefined();
  // A 401 on the first read stops the test: no second probe, no other region tried.
  expect(mocks.server.requests.filter((request) => request.path.startsWith('/api/')).map((request) => request.host + request.path)).toEqual([
    'console.jumpcloud.com/api/systemusers',
  ]);

  log.expectNoSecrets([badKey]);
});

test('a key from the EU stored as US fails with a message that says to check the region', async ({ context, extension, mocks }) => {
  const log = collectConsoleMessages(context, extension);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const euKey = mocks.jumpcloud.addApiKey({ region: 'eu' }).key;
  const { id } = await extension.call('credentials.add', { vendor: 'jumpcloud-api-key', values: { apiKey: euKey, region: 'us' } });

  const report = await extension.call('credentials.test', { id });
  expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
  expect(report.message).toMatch(/check the region/i);
  expect(report.message).toContain('US');
  expect(report.message).not.toContain(euKey);

  // Keyhold tried the stored region only: the key never went to the EU host.
  expect(requestsTo(mocks, 'console.jumpcloud.com', '/api/systemusers').map((request) => header(request, 'x-api-key'))).toEqual([euKey]);
  expect(requestsTo(mocks, 'console.eu.jumpcloud.com')).toHaveLength(0);

  // The same in the side panel.
  const panel = await extension.open('sidepanel.html');
  log.watch(panel);
  await expect(cardOf(panel, id).getByRole('status')).toContainText('check the region');

  // Stored with the right region, the same key works.
  const right = await extension.call('credentials.add', { vendor: 'jumpcloud-api-key', values: { apiKey: euKey, region: 'eu' } });
  expect(await extension.call('credentials.test', { id: right.id })).toMatchObject({ ok: true });
  expect(requestsTo(mocks, 'console.eu.jumpcloud.com', '/api/systemusers').map((request) => header(request, 'x-api-key'))).toEqual([euKey]);

  log.expectNoSecrets([euKey]);
});

test('a service account from the EU stored as US: the token request fails and the message says to check the region', async ({ context, extension, mocks }) => {
  const log = collectConsoleMessages(context, extension);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const account = mocks.jumpcloud.addServiceAccount({ region: 'eu' });
  const { id } = await extension.call('credentials.add', {
    vendor: 'jumpcloud-service-account',
    values: { clientId: account.clientId, clientSecret: account.clientSecret, region: 'us' },
  });

  const report = await extension.call('credentials.test', { id });
  expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
  expect(report.message).toMatch(/check the region/i);
  expect(report.message).toContain('admin-oauth.id.jumpcloud.com');
  expect(requestsTo(mocks, 'admin-oauth.id.jumpcloud.com', '/oauth2/token')).toHaveLength(1);
  expect(requestsTo(mocks, 'admin-oauth.id.eu.jumpcloud.com')).toHaveLength(0);
  expect(mocks.server.requests.filter((request) => request.path.startsWith('/api/'))).toHaveLength(0);

  log.expectNoSecrets([account.clientSecret]);
});

test('429 from JumpCloud is RATE_LIMITED with the Retry-After, for the API and the token endpoint', async ({ context, extension, mocks }) => {
  const log = collectConsoleMessages(context, extension);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const apiKey = mocks.jumpcloud.addApiKey({ region: 'us' }).key;
  const account = mocks.jumpcloud.addServiceAccount({ region: 'us' });
  const keyId = (await extension.call('credentials.add', { vendor: 'jumpcloud-api-key', values: { apiKey, region: 'us' } })).id;
  const accountId = (
    await extension.call('credentials.add', {
      vendor: 'jumpcloud-service-account',
      values: { clientId: account.clientId, clientSecret: account.clientSecret, region: 'us' },
    })
  ).id;

  mocks.jumpcloud.rateLimit({ retryAfter: 42, target: 'api' });
  const keyReport = await extension.call('credentials.test', { id: keyId });
  expect(keyReport).toMatchObject({ ok: false, code: 'RATE_LIMITED', details: { retryAfter: 42 } });
  expect(keyReport.message).toContain('console.jumpcloud.com');
  expect(keyReport.message).toContain('42 s');

  mocks.jumpcloud.clearFaults();
  mocks.jumpcloud.rateLimit({ retryAfter: 17, target: 'token' });
  const accountReport = await extension.call('credentials.test', { id: accountId });
  expect(accountReport).toMatchObject({ ok: false, code: 'RATE_LIMITED', details: { retryAfter: 17 } });
  expect(accountReport.message).toContain('admin-oauth.id.jumpcloud.com');

  // The side panel shows both verdicts.
  const panel = await extension.open('sidepanel.html');
  log.watch(panel);
  // One credential's details are open at a time: open each from its row.
  await expect((await openCredentialById(panel, accountId)).getByRole('status')).toContainText('Failed (RATE_LIMITED)');
  await expect((await openCredentialById(panel, keyId)).getByRole('status')).toContainText('Failed (RATE_LIMITED)');

  // Once JumpCloud stops rate-limiting, both work again.
  mocks.jumpcloud.clearFaults();
  await cardOf(panel, keyId).getByRole('button', { name: 'Test', exact: true }).click();
  await expect(cardOf(panel, keyId).getByRole('status')).toContainText('Works');
  expect(await extension.call('credentials.test', { id: accountId })).toMatchObject({ ok: true });

  log.expectNoSecrets([apiKey, account.clientSecret]);
});
