// Helpers for the Apple Business / Apple School Manager end-to-end tests: the fixture console's
// create → generate key → Manage flow, the in-page "Save to Keyhold" button, the side panel card,
// the token requests the mock received, and a watch on console messages for key material.
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { expect, type ExtensionHandle, type Mocks } from './fixtures';

export type AppleKind = 'business' | 'school';

export const TOKEN_URL = 'https://account.apple.com/auth/oauth2/token';
export const ASSERTION_AUDIENCE = 'https://account.apple.com/auth/oauth2/v2/token';
export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const CONSOLE_NAME = 'Apple Business / Apple School Manager';

export const consoleHost = (kind: AppleKind) => `${kind}.apple.com`;
export const apiHost = (kind: AppleKind) => `api-${kind}.apple.com`;
export const apiAccountsUrl = (kind: AppleKind) => `https://${consoleHost(kind)}/#/main/preferences/apiaccounts`;

/** The in-page capture button (an open shadow root of <keyhold-capture>; locators pierce it). */
export function captureButton(page: Page): Locator {
  return page.locator('keyhold-capture').getByRole('button');
}

export interface CreatedOnPage {
  clientId: string;
  keyId: string;
  /** The downloaded .pem, saved by the test. */
  pemPath: string;
  pem: string;
  fileName: string;
}

/**
 * Preferences → API → "+" → Create API Account (label, permissions on Business) → Generate Private
 * Key (the .pem download is caught and saved to `dir`) → Manage, up to the rendered Manage view.
 */
export async function createApiAccountOnPage(
  page: Page,
  mocks: Mocks,
  options: { kind: AppleKind; label: string; permissions?: string[]; dir: string },
): Promise<CreatedOnPage> {
  await page.goto(apiAccountsUrl(options.kind));
  await expect(page.getByRole('heading', { name: 'API', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Add API Account' }).click();
  const create = page.getByRole('dialog', { name: 'Create API Account' });
  await expect(create).toBeVisible();
  await expect(create.getByRole('button', { name: 'Create', exact: true })).toBeDisabled();
  await create.getByLabel('API Account Label').fill(options.label);
  if (options.kind === 'business') {
    for (const permission of options.permissions ?? []) await create.getByRole('checkbox', { name: permission, exact: true }).check();
  } else {
    await expect(create.getByRole('checkbox')).toHaveCount(0);
  }
  await create.getByRole('button', { name: 'Create', exact: true }).click();

  const keySheet = page.getByRole('dialog', { name: 'Private API Key' });
  await expect(keySheet).toBeVisible();
  const downloading = page.waitForEvent('download');
  await keySheet.getByRole('button', { name: 'Generate Private Key' }).click();
  const download = await downloading;
  const fileName = download.suggestedFilename();
  const pemPath = path.join(options.dir, fileName);
  await download.saveAs(pemPath);
  const pem = fs.readFileSync(pemPath, 'utf8');

  const done = page.getByRole('dialog', { name: 'Private Key Downloaded' });
  await expect(done).toContainText(fileName);
  const account = mocks.apple.accounts().find((candidate) => candidate.name === options.label);
  expect(account, 'the mock holds the account the page created').toBeTruthy();
  expect(account!.keyId).toBeTruthy();
  // The download is the key the mock verifies signatures against, in Apple's own format.
  expect(pem).toBe(mocks.apple.privateKeyPem(account!.clientId));
  expect(pem).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
  expect(fileName).toBe(`${options.label}_${new Date().toISOString().slice(0, 10)}.pem`);

  await done.getByRole('button', { name: 'Manage', exact: true }).click();
  await expectManageView(page, { clientId: account!.clientId, keyId: account!.keyId! });
  return { clientId: account!.clientId, keyId: account!.keyId!, pemPath, pem, fileName };
}

/** Open an existing account's Manage view from the API accounts list. */
export async function openManageFromList(page: Page, kind: AppleKind, account: { name: string; clientId: string; keyId: string }): Promise<void> {
  await page.goto(apiAccountsUrl(kind));
  await page.getByRole('button', { name: `Manage ${account.name}`, exact: true }).click();
  await expectManageView(page, account);
}

/** The Manage view after its late rendering: both IDs shown, the button beside the Client ID. */
async function expectManageView(page: Page, account: { clientId: string; keyId: string }): Promise<void> {
  const manage = page.getByRole('dialog', { name: 'Manage API Account' });
  await expect(manage).toBeVisible();
  await expect(manage.getByText('Key ID', { exact: true })).toBeVisible();
  await expect(manage.getByText(account.keyId, { exact: true })).toBeVisible();
  await expect(manage.getByText(account.clientId, { exact: true })).toBeVisible();
  await expect(captureButton(page)).toHaveText('Save to Keyhold');
  // "Save to Keyhold" lands right after the Client ID value.
  const after = await page.locator('keyhold-capture').evaluate((host) => host.previousElementSibling?.textContent ?? '');
  expect(after).toBe(account.clientId);
}

/** Click "Save to Keyhold" and wait for its verdict ("Saved · …" / "Not saved · …"). */
export async function saveToKeyhold(page: Page): Promise<string> {
  const button = captureButton(page);
  await button.click();
  await expect(button).toHaveText(/^(Not saved|Saved) · /, { timeout: 30_000 });
  return (await button.textContent()) ?? '';
}

/** The side panel pointed at a console tab, once it shows that tab's console. */
export async function openSidePanelFor(extension: ExtensionHandle, consolePage: Page, kind: AppleKind): Promise<Page> {
  const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(consolePage)}`);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText(`${CONSOLE_NAME} · ${consoleHost(kind)}`);
  return panel;
}

/** The label Keyhold gives an Apple credential ("Apple Business API · key 1a2b3c4d"). */
export function appleLabel(clientId: string, keyId: string): string {
  return `${clientId.startsWith('SCHOOLAPI.') ? 'Apple School Manager' : 'Apple Business'} API · key ${keyId.slice(0, 8)}`;
}

export function credentialCard(panel: Page, label: string): Locator {
  return panel.getByRole('article', { name: label });
}

/** The verdict line of a card's last test ("Works: …" or "Failed (CODE): …"). */
export function verdictLine(card: Locator): Locator {
  return card.getByTestId('test-report').getByRole('status');
}

/** The file field of a missing private key, its drop zone and its "Add private key" button. */
export function privateKeyField(card: Locator) {
  return {
    input: card.getByLabel('Private key (.pem file)'),
    dropZone: card.locator('[data-dropzone=privateKey]'),
    add: card.getByRole('button', { name: /^Add private key/i }),
  };
}

/** The one stored credential of this test, from the background. */
export async function onlyCredential(extension: ExtensionHandle) {
  const list = await extension.call('credentials.list');
  expect(list).toHaveLength(1);
  return list[0];
}

/** Token requests the mock received (newest last). */
export function tokenRequests(mocks: Mocks) {
  return mocks.server.requests.filter((request) => request.host === 'account.apple.com' && request.method === 'POST');
}

export function apiRequests(mocks: Mocks, kind: AppleKind) {
  return mocks.server.requests.filter((request) => request.host === apiHost(kind));
}

/** Header and claims of a compact JWS (no verification). */
export function decodeJwt(jwt: string): { header: Record<string, unknown>; claims: Record<string, unknown>; parts: string[] } {
  const parts = jwt.split('.');
  expect(parts).toHaveLength(3);
  const part = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: part(parts[0]), claims: part(parts[1]), parts };
}

/** Apple's download labels a PKCS#8 body "EC PRIVATE KEY"; Node reads it under its real label. */
export function privateKeyOf(applePem: string): KeyObject {
  return createPrivateKey(applePem.replace(/EC PRIVATE KEY/g, 'PRIVATE KEY'));
}

/** Check an ES256 JWS with the public half of the downloaded key, independently of the mock. */
export function verifiesWith(jwt: string, applePem: string): boolean {
  const [header, payload, signature] = jwt.split('.');
  return verify('sha256', Buffer.from(`${header}.${payload}`), { key: createPublicKey(privateKeyOf(applePem)), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
}

/** Strings that would reveal a private key: the PEM body, each of its lines, the scalar d. */
export function keyMaterial(applePem: string): string[] {
  const lines = applePem.split('\n').filter((line) => line && !line.startsWith('-----'));
  const d = privateKeyOf(applePem).export({ format: 'jwk' }).d!;
  return [lines.join(''), ...lines, d, Buffer.from(d, 'base64url').toString('hex'), Buffer.from(d, 'base64url').toString('base64')];
}

/** Secrets Keyhold handled on the wire in this test: access tokens it used and the assertions it signed. */
export function wireSecrets(mocks: Mocks): string[] {
  const bearers = mocks.server.requests
    .map((request) => request.headers.authorization)
    .filter((value): value is string => typeof value === 'string' && value.startsWith('Bearer '))
    .map((value) => value.slice('Bearer '.length));
  const assertions = tokenRequests(mocks)
    .map((request) => request.form?.get('client_assertion'))
    .filter((value): value is string => !!value);
  return [...bearers, ...assertions];
}

/**
 * Console messages (and uncaught errors) of every page of the context (the console page, the side
 * panel, the page the fixtures send requests from) and of the extension's service worker, including
 * pages and workers that start later.
 */
export function watchConsole(context: BrowserContext) {
  const messages: string[] = [];
  const watched = new WeakSet<object>();
  const watchPage = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('console', (message) => messages.push(`[${page.url()}] ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`[pageerror ${page.url()}] ${error.message}\n${error.stack ?? ''}`));
  };
  const watchWorker = (worker: Worker) => {
    if (watched.has(worker)) return;
    watched.add(worker);
    worker.on('console', (message) => messages.push(`[worker] ${message.text()}`));
  };
  context.pages().forEach(watchPage);
  context.serviceWorkers().forEach(watchWorker);
  context.on('page', watchPage);
  context.on('serviceworker', watchWorker);
  return {
    messages,
    /** Fails when a message contains any of these secrets. */
    expectNone(secrets: string[]) {
      const needles = secrets.filter((secret) => secret.length >= 16);
      expect(needles.length, 'there is something to look for').toBeGreaterThan(0);
      const leaks = messages.filter((text) => needles.some((needle) => text.includes(needle)));
      expect(leaks, 'console messages that contain key material or a token').toEqual([]);
    },
  };
}
