// Apple Business / Apple School Manager end to end (issue #5): the built extension in Chromium
// against the strict Apple mock, which verifies the ES256 signature and every claim of each
// client assertion. Capture happens in the Manage view of the fixture console; the .pem the
// console downloads is handed to Keyhold through the side panel (file input or drag and drop).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { test, expect, PASSPHRASE } from './fixtures';
import { showTestTables } from './credential-helpers';
import { fetchVia } from '../helpers/mock-fetch';
import { VIEW_DEVICES } from '../mock-vendors/apple';
import {
  ASSERTION_AUDIENCE,
  ASSERTION_TYPE,
  TOKEN_URL,
  apiRequests,
  appleLabel,
  captureButton,
  createApiAccountOnPage,
  credentialCard,
  decodeJwt,
  keyMaterial,
  onlyCredential,
  openManageFromList,
  openSidePanelFor,
  privateKeyField,
  saveToKeyhold,
  tokenRequests,
  verdictLine,
  verifiesWith,
  watchConsole,
  wireSecrets,
} from './apple-helpers';

const MISSING_KEY_VERDICT = 'Saved · add the missing part';
const WRONG_KEY_WORDS = 'the private key does not belong to this Client ID / Key ID, or it was revoked';
const DAY = 86_400;

let dir: string;
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-apple-'));
});
test.afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test('Apple Business: capture from the Manage view, add the downloaded .pem in the side panel, test works with both permissions', async ({ context, extension, mocks }) => {
  const watch = watchConsole(context);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const page = await context.newPage();

  const created = await createApiAccountOnPage(page, mocks, { kind: 'business', label: 'Keyhold inventory', permissions: [VIEW_DEVICES], dir });
  expect(mocks.apple.accounts().find((account) => account.clientId === created.clientId)?.permissions).toEqual([VIEW_DEVICES]);

  // The page shows only the two IDs: Keyhold saves them and says the key is still missing.
  expect(await saveToKeyhold(page)).toBe(MISSING_KEY_VERDICT);
  await expect(captureButton(page)).toHaveAttribute('title', /add the Private key \(\.pem file\) first/);
  expect(tokenRequests(mocks), 'nothing to sign with yet, so no token request').toHaveLength(0);

  const panel = await openSidePanelFor(extension, page, 'business');
  const label = appleLabel(created.clientId, created.keyId);
  const card = credentialCard(panel, label);
  await expect(card).toBeVisible();
  await expect(card).toContainText(/incomplete: needs/);
  const field = privateKeyField(card);
  await expect(field.dropZone).toBeVisible();
  await expect(field.add).toBeDisabled();
  const before = await onlyCredential(extension);
  expect(before).toMatchObject({ vendor: 'apple-business', label, missing: ['privateKey'], fields: ['clientId', 'keyId'], lastTest: { ok: false, code: 'INCOMPLETE_CREDENTIAL' } });

  // Hand Keyhold the downloaded file.
  await field.input.setInputFiles(created.pemPath);
  await expect(card.getByRole('status').filter({ hasText: `${created.fileName} loaded` })).toBeVisible();
  await field.add.click();

  // The test runs by itself once the key is added.
  const verdict = verdictLine(card);
  await expect(verdict).toContainText('Works', { timeout: 20_000 });
  await expect(verdict).toContainText('Apple Business accepted the key');
  const report = card.getByTestId('test-report');
  await expect(report).toContainText('Token lifetime: 1 h');
  await showTestTables(card);
  const permissions = card.getByRole('table', { name: 'Permissions' });
  await expect(permissions.getByRole('row', { name: 'MDM servers granted' })).toBeVisible();
  await expect(permissions.getByRole('row', { name: 'Devices granted' })).toBeVisible();
  // (That the "incomplete" badge and the file field go away is checked by its own test below.)
  const after = await onlyCredential(extension);
  expect(after.fields).toEqual(['clientId', 'keyId', 'privateKey']);
  expect(after.lastTest).toMatchObject({ ok: true, tokenExpiresIn: 3600, permissions: [{ name: 'MDM servers', granted: true }, { name: 'Devices', granted: true }] });
  const { values } = await extension.call('credentials.reveal', { id: after.id });
  expect(values).toEqual({ clientId: created.clientId, keyId: created.keyId, privateKey: created.pem });

  // One token request, then the two read probes with the token it returned.
  expect(tokenRequests(mocks)).toHaveLength(1);
  expect(tokenRequests(mocks)[0].form?.get('scope')).toBe('business.api');
  expect(mocks.apple.lastTokenRejection()).toBeUndefined();
  expect(apiRequests(mocks, 'business').map((request) => `${request.method} ${request.path}?${request.query}`)).toEqual([
    'GET /v1/mdmServers?limit=1',
    'GET /v1/orgDevices?limit=1',
  ]);

  watch.expectNone([...keyMaterial(created.pem), ...wireSecrets(mocks)]);
});

test('Apple School Manager: capture, add the key, and the token request carries a valid ES256 assertion for school.api', async ({ context, extension, mocks }) => {
  const watch = watchConsole(context);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const page = await context.newPage();

  const created = await createApiAccountOnPage(page, mocks, { kind: 'school', label: 'Keyhold school inventory', dir });
  expect(created.clientId).toMatch(/^SCHOOLAPI\./);
  expect(await saveToKeyhold(page)).toBe(MISSING_KEY_VERDICT);

  const panel = await openSidePanelFor(extension, page, 'school');
  const card = credentialCard(panel, appleLabel(created.clientId, created.keyId));
  await expect(card).toContainText(/incomplete: needs/);
  const field = privateKeyField(card);
  await field.input.setInputFiles(created.pemPath);
  await expect(card.getByRole('status').filter({ hasText: `${created.fileName} loaded` })).toBeVisible();
  await field.add.click();

  const verdict = verdictLine(card);
  await expect(verdict).toContainText('Works', { timeout: 20_000 });
  await expect(verdict).toContainText('Apple School Manager accepted the key');
  await showTestTables(card);
  const permissions = card.getByRole('table', { name: 'Permissions' });
  await expect(permissions.getByRole('row', { name: 'MDM servers granted' })).toBeVisible();
  await expect(permissions.getByRole('row', { name: 'Devices granted' })).toBeVisible();
  await expect(card.getByTestId('test-report')).toContainText('Token lifetime: 1 h');

  // The token POST, field by field.
  const [tokenRequest] = tokenRequests(mocks);
  expect(tokenRequests(mocks)).toHaveLength(1);
  expect(tokenRequest.path).toBe('/auth/oauth2/token');
  expect(String(tokenRequest.headers['content-type'])).toMatch(/^application\/x-www-form-urlencoded/);
  const form = tokenRequest.form!;
  expect([...form.keys()].sort()).toEqual(['client_assertion', 'client_assertion_type', 'client_id', 'grant_type', 'scope']);
  expect(form.get('grant_type')).toBe('client_credentials');
  expect(form.get('client_id')).toBe(created.clientId);
  expect(form.get('client_assertion_type')).toBe(ASSERTION_TYPE);
  expect(form.get('scope')).toBe('school.api');

  // The assertion: ES256 over the downloaded key, kid = Key ID, iss = sub = Client ID, Apple's v2 audience.
  const assertion = form.get('client_assertion')!;
  const { header, claims } = decodeJwt(assertion);
  expect(header).toEqual({ alg: 'ES256', kid: created.keyId, typ: 'JWT' });
  expect(claims).toMatchObject({ iss: created.clientId, sub: created.clientId, aud: ASSERTION_AUDIENCE });
  expect(claims.jti).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
  const sentAt = Math.floor(tokenRequest.receivedAt / 1000);
  expect(Math.abs((claims.iat as number) - sentAt)).toBeLessThanOrEqual(5);
  expect((claims.exp as number) - (claims.iat as number)).toBe(300);
  expect(verifiesWith(assertion, created.pem), 'the signature verifies with the downloaded key').toBe(true);
  expect(mocks.apple.lastTokenRejection()).toBeUndefined();
  expect(apiRequests(mocks, 'school').map((request) => request.path)).toEqual(['/v1/mdmServers', '/v1/orgDevices']);
  expect(apiRequests(mocks, 'business')).toHaveLength(0);

  watch.expectNone([...keyMaterial(created.pem), ...wireSecrets(mocks)]);
});

test('the .pem can be dropped onto the drop zone; a revoked key then fails in plain words', async ({ context, extension, mocks }) => {
  const watch = watchConsole(context);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const account = mocks.apple.addApiAccount({ kind: 'business', name: 'Dropped key' });
  const page = await context.newPage();
  await openManageFromList(page, 'business', { name: 'Dropped key', ...account });
  expect(await saveToKeyhold(page)).toBe(MISSING_KEY_VERDICT);

  const panel = await openSidePanelFor(extension, page, 'business');
  const card = credentialCard(panel, appleLabel(account.clientId, account.keyId));
  const field = privateKeyField(card);
  await expect(field.dropZone).toBeVisible();

  // A real DataTransfer holding a File, built in the side panel, dropped on the zone.
  const fileName = 'Dropped key_2025-09-02.pem';
  const dataTransfer = await panel.evaluateHandle(
    ({ pem, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([pem], name, { type: 'application/x-pem-file' }));
      return transfer;
    },
    { pem: account.privateKeyPem, name: fileName },
  );
  await field.dropZone.dispatchEvent('dragenter', { dataTransfer });
  await field.dropZone.dispatchEvent('dragover', { dataTransfer });
  await field.dropZone.dispatchEvent('drop', { dataTransfer });
  await expect(card.getByRole('status').filter({ hasText: `${fileName} loaded` })).toBeVisible();
  await expect(field.add).toBeEnabled();
  await field.add.click();
  await expect(verdictLine(card)).toContainText('Works', { timeout: 20_000 });
  const { values } = await extension.call('credentials.reveal', { id: (await onlyCredential(extension)).id });
  expect(values.privateKey).toBe(account.privateKeyPem);

  // Someone revokes the key in the console: the next test says so without blaming Keyhold.
  mocks.apple.revoke(account.clientId);
  const tested = (await onlyCredential(extension)).lastTest?.testedAt;
  await card.getByRole('button', { name: 'Test', exact: true }).click();
  await expect.poll(async () => (await onlyCredential(extension)).lastTest?.testedAt).not.toBe(tested);
  await expect(verdictLine(card)).toContainText('Failed (INVALID_CREDENTIALS)');
  await expect(verdictLine(card)).toContainText(WRONG_KEY_WORDS);
  expect(mocks.apple.lastTokenRejection()).toBe('revoked key');

  watch.expectNone([...keyMaterial(account.privateKeyPem), ...wireSecrets(mocks)]);
});

test('once the missing key is added the credential is complete: no "incomplete" badge, no file field, assertion offered', async ({ context, extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const account = mocks.apple.addApiAccount({ kind: 'business', name: 'Completed' });
  const page = await context.newPage();
  await openManageFromList(page, 'business', { name: 'Completed', ...account });
  expect(await saveToKeyhold(page)).toBe(MISSING_KEY_VERDICT);
  const panel = await openSidePanelFor(extension, page, 'business');
  const card = credentialCard(panel, appleLabel(account.clientId, account.keyId));
  await expect(card).toContainText(/incomplete: needs/);
  await expect(card.getByRole('button', { name: 'Create client assertion' })).toHaveCount(0);
  const field = privateKeyField(card);
  await field.input.setInputFiles(writeFile('Completed_2025-09-02.pem', account.privateKeyPem));
  await field.add.click();
  await expect(verdictLine(card)).toContainText('Works', { timeout: 20_000 });

  expect((await onlyCredential(extension)).missing).toBeUndefined();
  await expect(card).not.toContainText('incomplete', { timeout: 5_000 });
  await expect(field.input).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Create client assertion' })).toBeVisible();
});

test("another account's key is refused as INVALID_CREDENTIALS in plain words", async ({ context, extension, mocks }) => {
  const watch = watchConsole(context);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const account = mocks.apple.addApiAccount({ kind: 'business', name: 'Right account' });
  const other = mocks.apple.addApiAccount({ kind: 'business', name: 'Other account' });
  const page = await context.newPage();
  await openManageFromList(page, 'business', { name: 'Right account', ...account });
  expect(await saveToKeyhold(page)).toBe(MISSING_KEY_VERDICT);

  const panel = await openSidePanelFor(extension, page, 'business');
  const card = credentialCard(panel, appleLabel(account.clientId, account.keyId));
  const field = privateKeyField(card);
  await field.input.setInputFiles(writeFile('Other account_2025-09-02.pem', other.privateKeyPem));
  await field.add.click();

  const verdict = verdictLine(card);
  await expect(verdict).toContainText('Failed (INVALID_CREDENTIALS)', { timeout: 20_000 });
  await expect(verdict).toContainText(`Apple refused the API account: ${WRONG_KEY_WORDS}`);
  await expect(verdict).toContainText('business.apple.com');
  await expect(verdict).not.toContainText('invalid_client');
  expect(mocks.apple.lastTokenRejection()).toBe('signature');
  expect(tokenRequests(mocks)).toHaveLength(1);
  expect(apiRequests(mocks, 'business'), 'no API call without a token').toHaveLength(0);
  const stored = await onlyCredential(extension);
  expect(stored.lastTest).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
  expect(stored.fields).toEqual(['clientId', 'keyId', 'privateKey']);

  watch.expectNone([...keyMaterial(other.privateKeyPem), ...wireSecrets(mocks)]);
});

test('a Business Client ID used on Apple School Manager gets the invalid_scope explanation naming the other service', async ({ context, extension, mocks }) => {
  const watch = watchConsole(context);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  // A school account whose Client ID reads BUSINESSAPI.: Keyhold asks for business.api, Apple refuses the scope.
  const account = mocks.apple.addApiAccount({ kind: 'school', name: 'Mixed up', clientId: `BUSINESSAPI.${randomUUID()}` });
  const page = await context.newPage();
  await openManageFromList(page, 'school', { name: 'Mixed up', ...account });
  expect(await saveToKeyhold(page)).toBe(MISSING_KEY_VERDICT);

  const panel = await openSidePanelFor(extension, page, 'school');
  const card = credentialCard(panel, appleLabel(account.clientId, account.keyId));
  const field = privateKeyField(card);
  await field.input.setInputFiles(writeFile('Mixed up_2025-09-02.pem', account.privateKeyPem));
  await field.add.click();

  const verdict = verdictLine(card);
  await expect(verdict).toContainText('Failed (INVALID_CREDENTIALS)', { timeout: 20_000 });
  await expect(verdict).toContainText('Apple refused the scope business.api for this Client ID');
  await expect(verdict).toContainText('seems to belong to Apple School Manager (school.apple.com), not Apple Business');
  expect(mocks.apple.lastTokenRejection()).toBe('scope business.api for a school account');
  const [tokenRequest] = tokenRequests(mocks);
  expect(tokenRequest.form?.get('scope')).toBe('business.api');
  // The signature and claims were fine: only the scope was refused.
  expect(verifiesWith(tokenRequest.form!.get('client_assertion')!, account.privateKeyPem)).toBe(true);

  watch.expectNone([...keyMaterial(account.privateKeyPem), ...wireSecrets(mocks)]);
});

test('a file that is not an Apple key is refused with a clear message and nothing changes', async ({ context, extension, mocks }) => {
  const watch = watchConsole(context);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const account = mocks.apple.addApiAccount({ kind: 'business', name: 'Careful admin' });
  const page = await context.newPage();
  await openManageFromList(page, 'business', { name: 'Careful admin', ...account });
  expect(await saveToKeyhold(page)).toBe(MISSING_KEY_VERDICT);

  const panel = await openSidePanelFor(extension, page, 'business');
  const card = credentialCard(panel, appleLabel(account.clientId, account.keyId));
  const field = privateKeyField(card);
  const before = await onlyCredential(extension);
  const auditBefore = (await extension.call('audit.list')).length;

  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
  const bad = [
    { name: 'id_rsa.pem', content: rsa.export({ type: 'pkcs1', format: 'pem' }) as string, words: "This is an RSA key; Apple's API keys are EC P-256 keys." },
    { name: 'notes.txt', content: 'Client ID and Key ID are in Manage. Remember to rotate in March.\n', words: 'This is not a PEM key file' },
    { name: 'p384.pem', content: p384.export({ type: 'pkcs8', format: 'pem' }) as string, words: "This EC key uses the curve P-384 (secp384r1); Apple's API keys use P-256." },
  ];
  for (const file of bad) {
    await field.input.setInputFiles(writeFile(file.name, file.content));
    await expect(card.getByRole('status').filter({ hasText: `${file.name} loaded` })).toBeVisible();
    await field.add.click();
    const alert = card.getByRole('alert');
    await expect(alert).toContainText(`Private key (.pem file): ${file.words}`);
    await expect(alert).toContainText('Use the .pem file Apple downloaded');
    // Still incomplete, still asking for the key.
    await expect(card).toContainText(/incomplete: needs/);
    await expect(field.input).toBeVisible();
  }

  const after = await onlyCredential(extension);
  expect(after).toEqual(before);
  expect((await extension.call('audit.list')).length).toBe(auditBefore);
  const { values } = await extension.call('credentials.reveal', { id: after.id });
  expect(values).toEqual({ clientId: account.clientId, keyId: account.keyId });
  expect(tokenRequests(mocks), 'a refused file is never used').toHaveLength(0);

  // The right file still works afterwards.
  await field.input.setInputFiles(writeFile('Careful admin_2025-09-02.pem', account.privateKeyPem));
  await field.add.click();
  await expect(verdictLine(card)).toContainText('Works', { timeout: 20_000 });
  await expect(card.getByRole('alert')).toHaveCount(0);

  watch.expectNone([...keyMaterial(account.privateKeyPem), ...bad.filter((file) => file.name.endsWith('.pem')).flatMap((file) => keyMaterial(file.content)), ...wireSecrets(mocks)]);
});

test('"Create client assertion" for 30 days shows it once, stores expiresAt, and the mock accepts it', async ({ context, extension, mocks }) => {
  const watch = watchConsole(context);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const account = mocks.apple.addApiAccount({ kind: 'business', name: 'Assertion for a tool' });
  const { id } = await extension.call('credentials.add', {
    vendor: 'apple-business',
    values: { clientId: account.clientId, keyId: account.keyId, privateKey: account.privateKeyPem },
  });
  const page = await context.newPage();
  await page.goto('https://business.apple.com/#/main/devices');
  const panel = await openSidePanelFor(extension, page, 'business');
  const card = credentialCard(panel, appleLabel(account.clientId, account.keyId));
  await expect(card).toBeVisible();
  expect((await onlyCredential(extension)).expiresAt).toBeUndefined();

  // Out-of-range lifetimes are refused by the door and change nothing.
  for (const days of [0, 181]) {
    await expect(extension.send('credentials.createAssertion', { id, days })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }
  expect((await onlyCredential(extension)).expiresAt).toBeUndefined();

  await card.getByLabel('Client assertion valid for').fill('30');
  const clickedAt = Date.now();
  await card.getByRole('button', { name: 'Create client assertion' }).click();
  const shown = card.getByRole('textbox', { name: 'Client assertion' });
  await expect(shown).toBeVisible();
  await expect(card).toContainText('Shown once.');
  const assertion = await shown.inputValue();

  const { header, claims } = decodeJwt(assertion);
  expect(header).toEqual({ alg: 'ES256', kid: account.keyId, typ: 'JWT' });
  expect(claims).toMatchObject({ iss: account.clientId, sub: account.clientId, aud: ASSERTION_AUDIENCE });
  expect((claims.exp as number) - (claims.iat as number)).toBe(30 * DAY);
  expect(Math.abs((claims.iat as number) * 1000 - clickedAt)).toBeLessThan(10_000);
  expect(verifiesWith(assertion, account.privateKeyPem)).toBe(true);

  // Only the expiry is kept: credentials.list shows expiresAt ≈ now + 30 days.
  const stored = await onlyCredential(extension);
  expect(stored.expiresAt).toBe(new Date((claims.exp as number) * 1000).toISOString());
  expect(Math.abs(Date.parse(stored.expiresAt!) - (clickedAt + 30 * DAY * 1000))).toBeLessThan(60_000);
  expect(JSON.stringify(await extension.call('credentials.list'))).not.toContain(assertion.split('.')[2]);
  await expect(card).toContainText(/expires in (29|30) days/);

  // Shown once: the panel opened again does not show it.
  await panel.reload();
  await expect(credentialCard(panel, appleLabel(account.clientId, account.keyId))).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Client assertion' })).toHaveCount(0);
  expect((await onlyCredential(extension)).expiresAt).toBe(stored.expiresAt);

  // The tool that gets the assertion trades it for a token at Apple's documented URL.
  const fetch = fetchVia(mocks.server.port);
  const response = await fetch(TOKEN_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: account.clientId,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
      scope: 'business.api',
    }).toString(),
  });
  expect(mocks.apple.lastTokenRejection()).toBeUndefined();
  expect(response.status).toBe(200);
  const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
  expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'business.api' });
  const devices = await fetch('https://api-business.apple.com/v1/orgDevices?limit=1', { headers: { authorization: `Bearer ${body.access_token}` } });
  expect(devices.status).toBe(200);

  watch.expectNone([...keyMaterial(account.privateKeyPem), assertion, body.access_token]);
});
