// Self-hosted Jamf Pro (any host, port 8443, context path /jamf): nothing is granted up front, so a
// credential reports HOST_PERMISSION_REQUIRED until the admin grants that one origin.
//
// Chromium offers no automated way to answer the permission prompt (microsoft/playwright#32755),
// so the grant is simulated: the same profile is relaunched with a copy of the built extension
// whose manifest already holds the host, which is exactly the state the prompt leaves behind.
// Production code is untouched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startVendorMocks } from '../mock-vendors';
import { extensionDir, launchWithExtension } from './launch';
import { PASSPHRASE } from './fixtures';

const BASE = 'https://jamf.example.org:8443/jamf';
const ORIGIN = 'https://jamf.example.org:8443';

const test = base.extend<{ mocks: Awaited<ReturnType<typeof startVendorMocks>> }>({
  mocks: async ({}, use) => {
    const mocks = await startVendorMocks();
    await use(mocks);
    await mocks.server.close();
  },
});

test('a self-hosted origin with port and context path needs its host permission, then works end to end', async ({ mocks }) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-self-hosted-'));
  const extension = path.join(work, 'extension');
  const profileDir = path.join(work, 'profile');
  fs.cpSync(extensionDir, extension, { recursive: true });
  const client = mocks.jamf.addClient({ host: 'jamf.example.org', privileges: ['Read Computers', 'Read Buildings'] });

  try {
    // 1. Not granted: the test refuses before any request, and the console page gets no script.
    let launched = await launchWithExtension({ hostResolverRules: mocks.server.hostResolverRules, extension, profileDir });
    let door = await launched.context.newPage();
    await door.goto(`chrome-extension://${launched.extensionId}/options.html`);
    const send = (type: string, payload?: unknown) => door.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
    await send('vault.create', { passphrase: PASSPHRASE });
    const added = await send('credentials.add', { vendor: 'jamf-pro', values: { baseUrl: BASE, clientId: client.clientId, clientSecret: client.clientSecret } });
    const id = added.data.id as string;
    const refused = await send('credentials.test', { id });
    expect(refused.data).toMatchObject({ ok: false, code: 'HOST_PERMISSION_REQUIRED' });
    expect(refused.data.message).toContain('Use Keyhold on this site');
    expect(mocks.server.requests.filter((r) => r.host === 'jamf.example.org')).toHaveLength(0);
    const page = await launched.context.newPage();
    await page.goto(mocks.jamf.clientPageUrl(client));
    await expect(page.getByRole('button', { name: 'Rotate Client Secret' })).toBeVisible();
    await expect(page.locator('keyhold-capture')).toHaveCount(0);
    await launched.close();

    // 2. The admin grants this one origin (see the note above), and enables it.
    const manifestPath = path.join(extension, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    manifest.host_permissions.push('https://jamf.example.org/*');
    fs.writeFileSync(manifestPath, JSON.stringify(manifest));
    launched = await launchWithExtension({ hostResolverRules: mocks.server.hostResolverRules, extension, profileDir });
    door = await launched.context.newPage();
    await door.goto(`chrome-extension://${launched.extensionId}/options.html`);
    expect((await send('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    const enabled = await send('sites.enable', { origin: ORIGIN, pageUrl: `${BASE}/view/settings` });
    expect(enabled.data).toEqual({ origin: ORIGIN, console: 'jamf-pro' });
    expect((await send('sites.list')).data.origins).toEqual([ORIGIN]);

    const works = await send('credentials.test', { id });
    expect(works.data).toMatchObject({ ok: true });
    expect(works.data.permissions).toEqual(expect.arrayContaining([{ name: 'Read Computers', granted: true }, { name: 'Read Mobile Devices', granted: false }]));
    expect(mocks.server.requests.some((r) => r.host === 'jamf.example.org' && r.port === '8443' && r.path === '/jamf/api/v1/oauth/token')).toBe(true);

    // 3. The console script now runs there (registered at runtime) and captures with the context path.
    const consolePage = await launched.context.newPage();
    await consolePage.goto(mocks.jamf.clientPageUrl(client));
    await consolePage.getByRole('button', { name: 'Rotate Client Secret' }).click();
    await consolePage.getByRole('alertdialog').getByRole('button', { name: 'Rotate Secret' }).click();
    await consolePage.getByRole('button', { name: 'Save to Keyhold' }).click();
    await expect(consolePage.getByRole('button', { name: 'Saved · works' })).toBeVisible({ timeout: 30_000 });
    const list = (await send('credentials.list')).data;
    expect(list).toHaveLength(1); // the rotation updated the hand-added credential in place
    expect((await send('credentials.reveal', { id })).data.values).toMatchObject({ baseUrl: BASE, clientSecret: mocks.jamf.client(client.clientId).clientSecret });

    // 4. The options page lists the origin and removes it.
    const options = await launched.context.newPage();
    await options.goto(`chrome-extension://${launched.extensionId}/options.html`);
    await expect(options.getByText(ORIGIN)).toBeVisible();
    await options.getByRole('button', { name: 'Remove' }).click();
    await expect(options.getByRole('status')).toContainText(`Removed ${ORIGIN}`);
    expect((await send('sites.list')).data.origins).toEqual([]);
    await launched.close();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('an origin that fails the Jamf Pro check is not treated as Jamf Pro: not enabled, no console script, no captures', async ({
  mocks,
}) => {
  // The collector answers every request with 200 JSON: a web server, but not a Jamf Pro.
  const other = 'https://collector.example.net';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-not-jamf-'));
  const extension = path.join(work, 'extension');
  fs.cpSync(extensionDir, extension, { recursive: true });
  const manifestPath = path.join(extension, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions.push(`${other}/*`); // the admin's grant (see the note at the top)
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  const launched = await launchWithExtension({
    hostResolverRules: mocks.server.hostResolverRules,
    extension,
    profileDir: path.join(work, 'profile'),
  });
  try {
    const door = await launched.context.newPage();
    await door.goto(`chrome-extension://${launched.extensionId}/options.html`);
    const send = (type: string, payload?: unknown) =>
      door.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
    await send('vault.create', { passphrase: PASSPHRASE });

    const reply = await send('sites.enable', { origin: other, pageUrl: `${other}/jamf/view/settings` });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNEXPECTED_RESPONSE' } });
    expect(reply.error.message).toContain('did not answer like a Jamf Pro server');
    // The check itself was made, without credentials, on the page's base URL.
    expect(mocks.collector.received.map((r) => `${r.method} ${r.path}`)).toContain('GET /jamf/api/v1/jamf-pro-version');
    expect((await send('sites.list')).data.origins).toEqual([]);
    const scripts = await door.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts).toEqual([]);
  } finally {
    await launched.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
