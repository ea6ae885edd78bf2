// Life after capture: expiry badge and reminder, "Test all" within its concurrency bounds (observed
// at the server), rotation with roll-back, and a hand-off decrypted outside the extension.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, PASSPHRASE } from './fixtures';

const CLI = path.resolve(import.meta.dirname, '../../bin/keyhold-open.mjs');
const clientUrl = (id: number | string) => `https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-clients/${id}`;

test('an expiring credential raises the badge and one reminder', async ({ extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const { id } = await extension.call('credentials.add', {
    vendor: 'iru',
    label: 'Iru · expires soon',
    values: { apiUrl: 'https://acme.api.kandji.io', token: '8c1b7f2e-4d3a-4b5c-9e6f-7a8b9c0d1e2f' },
    expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  const worker = await extension.serviceWorker();
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toHaveProperty(`keyhold-expiry-${id}`);
  // Setting a later expiry clears the badge.
  await extension.call('credentials.updateMeta', { id, expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString() });
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
});

test('"Test all" over ten credentials keeps to 4 at a time and one per Jamf server, with progress', async ({ extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const hosts = ['alpha', 'alpha', 'alpha', 'beta', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'].map((name) => `${name}.jamfcloud.com`);
  for (const host of hosts) {
    const client = mocks.jamf.addClient({ host, privileges: ['Read Computers'] });
    await extension.call('credentials.add', { vendor: 'jamf-pro', values: { baseUrl: `https://${host}`, clientId: client.clientId, clientSecret: client.clientSecret } });
  }
  mocks.jamf.fault({ kind: 'delay', ms: 40 }, { times: Infinity });
  const start = mocks.server.requests.length;

  const panel = await extension.open('sidepanel.html');
  await panel.getByRole('button', { name: 'Test all' }).click();
  await expect(panel.getByTestId('test-all-progress')).toContainText('10 of 10 tested: 10 working, 0 failing (done)', { timeout: 60_000 });

  // Each credential's test spans its token request to its token revocation, as the server saw them.
  const seen = mocks.server.requests.slice(start);
  const spans = seen
    .filter((r) => /\/oauth\/token$/.test(r.path))
    .map((token) => {
      const clientId = token.form?.get('client_id');
      const end = seen.find((r) => r.host === token.host && r.path === '/api/v1/auth/invalidate-token' && r.receivedAt >= token.receivedAt);
      return { host: token.host, clientId, from: token.receivedAt, to: end?.receivedAt ?? Infinity };
    });
  expect(new Set(spans.map((s) => s.clientId)).size).toBe(10);
  const overlapAt = (t: number, list = spans) => list.filter((s) => s.from <= t && t < s.to).length;
  const peak = Math.max(...spans.map((s) => overlapAt(s.from)));
  expect(peak).toBeLessThanOrEqual(4);
  expect(peak).toBeGreaterThan(1);
  for (const host of new Set(hosts)) {
    const onHost = spans.filter((s) => s.host === host);
    expect(Math.max(...onHost.map((s) => overlapAt(s.from, onHost)))).toBe(1);
  }
  const list = await extension.call('credentials.list');
  expect(list.every((credential) => credential.lastTest?.ok)).toBe(true);
});

test('a rotation can be rolled back from the side panel', async ({ context, extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const page = await context.newPage();
  await page.goto(clientUrl(3));
  await page.getByRole('button', { name: 'Generate Client Secret' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Create Secret' }).click();
  await page.getByRole('button', { name: 'Save to Keyhold' }).click();
  await expect(page.getByRole('button', { name: 'Saved · works' })).toBeVisible({ timeout: 30_000 });
  const [first] = await extension.call('credentials.list');
  const before = (await extension.call('credentials.reveal', { id: first.id })).values.clientSecret;

  await page.reload();
  await page.getByRole('button', { name: 'Rotate Client Secret' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Rotate Secret' }).click();
  await page.getByRole('button', { name: 'Save to Keyhold' }).click();
  await expect(page.getByRole('button', { name: 'Saved · works' })).toBeVisible({ timeout: 30_000 });
  expect((await extension.call('credentials.reveal', { id: first.id })).values.clientSecret).not.toBe(before);

  const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(page)}`);
  await panel.getByRole('button', { name: 'Roll back rotation' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Rolled back' })).toBeVisible();
  expect((await extension.call('credentials.reveal', { id: first.id })).values.clientSecret).toBe(before);
  const audit = await extension.call('audit.list');
  expect(audit.map((entry) => entry.event)).toEqual(expect.arrayContaining(['captured', 'rotated', 'rolled-back']));
  expect(JSON.stringify(audit)).not.toContain(before);
  void mocks;
});

test('export to a recipient key from the hand-off page and open it with keyhold-open outside the extension', async ({ extension, mocks }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-recipient-'));
  try {
    const created = execFileSync(process.execPath, [CLI, '--new-key', dir], { encoding: 'utf8' });
    const publicPem = created.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/)?.[0];
    expect(publicPem).toBeTruthy();

    await extension.call('vault.create', { passphrase: PASSPHRASE });
    const client = mocks.jamf.addClient({ privileges: ['Read Computers'] });
    await extension.call('credentials.add', { vendor: 'jamf-pro', label: 'For the SIEM team', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: client.clientId, clientSecret: client.clientSecret } });

    const page = await extension.open('handoff.html');
    await page.getByRole('checkbox', { name: /For the SIEM team/ }).check();
    await page.getByLabel('Recipient’s public key (JWK or PEM, P-256)').fill(publicPem!);
    await page.getByRole('button', { name: /Encrypt 1 credential/ }).click();
    await expect(page.getByText(/1 credential encrypted for key/)).toBeVisible();
    const jwe = await page.getByLabel('Encrypted hand-off').inputValue();
    expect(jwe.split('.')).toHaveLength(5);
    expect(jwe).not.toContain(client.clientSecret);

    const file = path.join(dir, 'handoff.keyhold');
    fs.writeFileSync(file, `${jwe}\n`);
    const opened = JSON.parse(execFileSync(process.execPath, [CLI, file, '--key', path.join(dir, 'keyhold-recipient.pem')], { encoding: 'utf8' }));
    expect(opened.credentials).toEqual([
      expect.objectContaining({ vendor: 'jamf-pro', label: 'For the SIEM team', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: client.clientId, clientSecret: client.clientSecret } }),
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a passphrase hand-off round-trips through import', async ({ extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const { id } = await extension.call('credentials.add', { vendor: 'iru', label: 'Iru for import', values: { apiUrl: 'https://acme.api.iru.com', token: '1f2e3d4c-5b6a-4789-9abc-def012345678' } });
  const exported = await extension.call('credentials.export', { ids: [id], passphrase: 'hand-off passphrase 2026' });
  expect(exported).toMatchObject({ count: 1, mode: 'passphrase' });
  await extension.call('credentials.remove', { id });
  const wrong = await extension.send('credentials.import', { jwe: exported.jwe, passphrase: 'not the right passphrase' });
  expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
  expect(await extension.call('credentials.list')).toHaveLength(0);
  const { ids } = await extension.call('credentials.import', { jwe: exported.jwe, passphrase: 'hand-off passphrase 2026' });
  expect((await extension.call('credentials.reveal', { id: ids[0] })).values.token).toBe('1f2e3d4c-5b6a-4789-9abc-def012345678');
});

test('an expiry set by hand in the side panel is stored, shown and reminded', async ({ extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const { id } = await extension.call('credentials.add', { vendor: 'iru', label: 'Iru by hand', values: { apiUrl: 'https://acme.api.kandji.io', token: '8c1b7f2e-4d3a-4b5c-9e6f-7a8b9c0d1e2f' } });
  const panel = await extension.open('sidepanel.html');
  const card = panel.getByRole('article', { name: 'Iru by hand' });
  const inFiveDays = new Date(Date.now() + 5 * 86_400_000);
  const day = `${inFiveDays.getFullYear()}-${String(inFiveDays.getMonth() + 1).padStart(2, '0')}-${String(inFiveDays.getDate()).padStart(2, '0')}`;
  await card.getByLabel('Expires on').fill(day);
  await card.getByRole('button', { name: 'Set expiry' }).click();
  await expect(card.getByText(/expires in [45] days/)).toBeVisible();
  const [stored] = await extension.call('credentials.list');
  expect(stored.expiresAt?.slice(0, 10)).toBe(new Date(`${day}T23:59:59`).toISOString().slice(0, 10));
  const worker = await extension.serviceWorker();
  await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toHaveProperty(`keyhold-expiry-${id}`);
});

test('an export to a recipient JWK object (here this vault’s own hand-off key) imports back', async ({ extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const { id } = await extension.call('credentials.add', { vendor: 'iru', label: 'Iru to myself', values: { apiUrl: 'https://acme.api.iru.com', token: '2f2e3d4c-5b6a-4789-9abc-def012345678' } });
  const { jwk, fingerprint } = await extension.call('vault.handoffKey');
  const exported = await extension.call('credentials.export', { ids: [id], recipientJwk: jwk });
  expect(exported).toMatchObject({ count: 1, mode: 'recipient', fingerprint });
  const { ids } = await extension.call('credentials.import', { jwe: exported.jwe });
  expect((await extension.call('credentials.reveal', { id: ids[0] })).values.token).toBe('2f2e3d4c-5b6a-4789-9abc-def012345678');
});
