// Secrets stay sealed: a full capture → test → export run on the Jamf Pro fixture console, then a
// locked restart. Every console message of every context (pages, content script, service
// worker), every page error and every notification is collected, and the whole Chromium profile
// directory is scanned (UTF-8, UTF-16, base64) after each stage for the client secret, every
// access token the mock issued, the vault passphrase and the export passphrase. Nothing is found.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, PASSPHRASE, findSecretInProfile } from './fixtures';
import { launchWithExtension } from './launch';
import { DEMO_CLIENTS } from '../mock-vendors/jamf-pro';

const CLIENT_URL = 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-clients/3';
const EXPORT_PASSPHRASE = 'an export passphrase told by phone';

interface Session {
  context: BrowserContext;
  extensionId: string;
  send(type: string, payload?: unknown): Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>;
  call(type: string, payload?: unknown): Promise<any>;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Launch on the given profile and collect everything any context prints. */
async function start(hostResolverRules: string, profileDir: string, lines: string[]): Promise<Session> {
  const launched = await launchWithExtension({ hostResolverRules, profileDir });
  const { context, extensionId } = launched;
  const watchPage = (page: Page) => page.on('pageerror', (error) => lines.push(`pageerror ${page.url()} ${error.message} ${error.stack ?? ''}`));
  const watchWorker = (worker: Worker) => worker.on('console', (message) => lines.push(`worker ${message.type()} ${message.text()}`));
  context.on('console', (message) => lines.push(`console ${message.type()} ${message.text()}`));
  context.on('weberror', (error) => lines.push(`weberror ${error.error().message}`));
  context.on('page', watchPage);
  context.pages().forEach(watchPage);
  context.on('serviceworker', watchWorker);
  context.serviceWorkers().forEach(watchWorker);
  const door = await context.newPage();
  await door.goto(`chrome-extension://${extensionId}/options.html`);
  const send: Session['send'] = (type, payload) => door.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
  return {
    context,
    extensionId,
    send,
    call: async (type, payload) => {
      const reply = await send(type, payload);
      if (!reply.ok) throw new Error(`${type} failed: ${reply.error?.code} ${reply.error?.message}`);
      return reply.data;
    },
    // The live worker: waking it through the door first keeps the handle from being a stopped one.
    worker: async () => {
      await send('vault.status');
      return context.serviceWorkers().at(-1) ?? context.waitForEvent('serviceworker');
    },
    close: () => launched.close(),
  };
}

test('no secret, token or passphrase in any console message, notification or profile file: after capture, test, export and a locked restart', async ({ mocks }) => {
  test.setTimeout(120_000);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-at-rest-'));
  const lines: string[] = [];
  const notifications: string[] = [];
  const demo = DEMO_CLIENTS['acme.jamfcloud.com'];
  let secret = '';
  /** Every value that must never be readable outside the vault. */
  const needles = () => {
    const tokens = mocks.jamf.issuedTokens().map((issued) => issued.token);
    return [
      ...(secret ? [['client secret', secret]] : []),
      ['vault passphrase', PASSPHRASE],
      ['export passphrase', EXPORT_PASSPHRASE],
      ...tokens.map((token, i) => [`access token ${i + 1}`, token]),
    ] as Array<[string, string]>;
  };
  /** Scan the whole profile for each needle; a control value proves the scan sees Keyhold's storage. */
  const scan = (stage: string, control?: string) => {
    if (control) expect(findSecretInProfile(profileDir, control), `${stage}: the control value is on disk`).not.toEqual([]);
    for (const [name, needle] of needles()) {
      expect(findSecretInProfile(profileDir, needle), `${stage}: ${name} found in the profile`).toEqual([]);
    }
  };

  let session = await start(mocks.server.hostResolverRules, profileDir, lines);
  try {
    // 1. Create the vault by typing the passphrase into the popup, as an admin would.
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByLabel('Repeat passphrase').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Create vault' }).click();
    await expect(popup.getByText('Vault unlocked')).toBeVisible({ timeout: 30_000 });

    // 2. Capture from the console: generate the secret, one click, tested at once.
    const consolePage = await session.context.newPage();
    await consolePage.goto(CLIENT_URL);
    await consolePage.getByRole('button', { name: 'Generate Client Secret' }).click();
    await consolePage.getByRole('alertdialog').getByRole('button', { name: 'Create Secret' }).click();
    await consolePage.getByRole('button', { name: 'Save to Keyhold' }).click();
    await expect(consolePage.getByRole('button', { name: 'Saved · works' })).toBeVisible({ timeout: 30_000 });
    secret = mocks.jamf.client(demo.clientId).clientSecret!;
    expect(secret.length).toBeGreaterThan(30);
    const [credential] = await session.call('credentials.list');
    expect(credential.lastTest).toMatchObject({ ok: true });
    await consolePage.close();
    scan('after capture', `cred:${credential.id}`);

    // 3. Test again from the extension.
    expect(await session.call('credentials.test', { id: credential.id })).toMatchObject({ ok: true });
    expect(mocks.jamf.issuedTokens().length).toBeGreaterThanOrEqual(2);
    scan('after test', credential.lastTest.message.slice(0, 16));

    // 4. Export, with a passphrase and to a recipient's key.
    const byPassphrase = await session.call('credentials.export', { ids: [credential.id], passphrase: EXPORT_PASSPHRASE });
    expect(byPassphrase).toMatchObject({ count: 1, mode: 'passphrase' });
    const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const toRecipient = await session.call('credentials.export', { ids: [credential.id], recipientJwk: JSON.stringify({ kty, crv, x, y }) });
    expect(toRecipient).toMatchObject({ count: 1, mode: 'recipient' });
    for (const jwe of [byPassphrase.jwe, toRecipient.jwe]) {
      expect(jwe).not.toContain(secret);
      expect(Buffer.from(jwe).toString()).not.toContain(Buffer.from(secret).toString('base64url'));
    }
    scan('after export', 'exported');

    // 5. A notification: the secret is rotated behind Keyhold's back, the next test fails.
    const worker = await session.worker();
    await worker.evaluate(() => {
      const scope = self as unknown as { __notes?: string[]; browser?: typeof chrome };
      scope.__notes = [];
      const apis = new Set([chrome.notifications, scope.browser?.notifications].filter((api): api is typeof chrome.notifications => Boolean(api)));
      for (const api of apis) {
        const original = api.create.bind(api) as (...args: unknown[]) => unknown;
        api.create = ((...args: unknown[]) => {
          scope.__notes!.push(JSON.stringify(args));
          return original(...args);
        }) as typeof api.create;
      }
    });
    mocks.jamf.rotateSecret(demo.clientId);
    const failing = await session.call('credentials.test', { id: credential.id });
    expect(failing).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    await expect.poll(() => worker.evaluate(() => (self as unknown as { __notes: string[] }).__notes.length)).toBeGreaterThan(0);
    notifications.push(...(await worker.evaluate(() => (self as unknown as { __notes: string[] }).__notes)));
    expect(notifications.join('\n')).toContain('stopped working');
    // The notification follows the test's answer (after-reply.ts), so it may still be on its way.
    await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toHaveProperty(`keyhold-failing-${credential.id}`);

    // The collectors work: a line from the worker and one from a page are both caught.
    await worker.evaluate(() => console.log('keyhold-probe-worker'));
    await popup.evaluate(() => console.log('keyhold-probe-page'));
    await expect.poll(() => lines.some((line) => line.includes('keyhold-probe-worker'))).toBe(true);
    await expect.poll(() => lines.some((line) => line.includes('keyhold-probe-page'))).toBe(true);

    // 6. A locked restart: close the browser, open the same profile again.
    await session.close();
    session = await start(mocks.server.hostResolverRules, profileDir, lines);
    expect(await session.call('vault.status')).toMatchObject({ state: 'locked' });
    expect(await session.call('credentials.list')).toHaveLength(1);
    scan('after a locked restart', `cred:${credential.id}`);

    // Nothing printed anywhere and no notification holds a secret, a token or a passphrase.
    const said = [...lines, ...notifications].join('\n');
    for (const [name, needle] of needles()) expect(said.includes(needle), `${name} in a console message or notification`).toBe(false);
  } finally {
    await session.close();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
});
