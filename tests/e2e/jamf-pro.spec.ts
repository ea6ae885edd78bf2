// Jamf Pro end to end: the built extension in Chromium against the strict Jamf mock served on
// acme.jamfcloud.com (and the self-hosted jamf.example.org:8443/jamf).
import type { Page } from '@playwright/test';
import { test, expect, PASSPHRASE, type ExtensionHandle } from './fixtures';
import { DEMO_CLIENTS } from '../mock-vendors/jamf-pro';
import { showTestTables } from './credential-helpers';

const ROLES_URL = 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients?tab=api-roles';
const clientUrl = (id: number | string, base = 'https://acme.jamfcloud.com') =>
  `${base}/view/settings/system-settings/api-roles-and-clients/api-clients/${id}`;
const INVENTORY_PRIVILEGES = [
  'Read Computers',
  'Read Mobile Devices',
  'Read Buildings',
  'Read Departments',
  'Read Smart Computer Groups',
  'Read Static Computer Groups',
];

async function generateSecretAndSave(page: Page, rotate = false): Promise<string> {
  await page.getByRole('button', { name: rotate ? 'Rotate Client Secret' : 'Generate Client Secret' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: rotate ? 'Rotate Secret' : 'Create Secret' }).click();
  const save = page.getByRole('button', { name: 'Save to Keyhold' });
  await expect(save).toBeVisible();
  await save.click();
  const verdict = page.getByRole('button', { name: /^Saved · / });
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  return (await verdict.textContent()) ?? '';
}

async function sidePanelFor(extension: ExtensionHandle, page: Page): Promise<Page> {
  return extension.open(`sidepanel.html?tab=${await extension.tabIdOf(page)}`);
}

test('detects Jamf Cloud, follows the guide, captures with one click and tests version, lifetime and privileges', async ({ context, extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const consolePage = await context.newPage();
  await consolePage.goto(ROLES_URL);
  const panel = await sidePanelFor(extension, consolePage);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Jamf Pro · acme.jamfcloud.com');
  await expect(panel.locator('li[data-step="roles"]')).toHaveAttribute('aria-current', 'step');
  for (const privilege of INVENTORY_PRIVILEGES) await expect(panel.getByRole('list', { name: 'Privileges to grant' })).toContainText(privilege);

  // The guide follows the admin to the client page.
  await consolePage.goto(clientUrl(3));
  await expect(panel.locator('li[aria-current="step"]')).toHaveAttribute('data-step', /open-client|generate-secret/);
  await expect(panel.locator('li[data-step="roles"]')).toHaveClass(/done/);

  expect(await generateSecretAndSave(consolePage)).toBe('Saved · works');
  const demo = mocks.jamf.client(DEMO_CLIENTS['acme.jamfcloud.com'].clientId);

  // The side panel shows the full verdict: version, token lifetime, privileges granted.
  const report = panel.getByTestId('test-report').first();
  await expect(report).toContainText('Works', { timeout: 15_000 });
  await expect(report).toContainText(/Jamf Pro \d+\.\d+/);
  await expect(report).toContainText('Token lifetime');
  const card = panel.getByRole('article');
  await showTestTables(card);
  for (const privilege of INVENTORY_PRIVILEGES) {
    await expect(card.getByRole('row', { name: new RegExp(`${privilege} granted`) })).toBeVisible();
  }
  // The stored credential holds exactly what the console showed.
  const [credential] = await extension.call('credentials.list');
  expect(credential).toMatchObject({ vendor: 'jamf-pro', label: expect.stringContaining('acme.jamfcloud.com'), lastTest: { ok: true } });
  const { values } = await extension.call('credentials.reveal', { id: credential.id });
  expect(values).toEqual({ baseUrl: 'https://acme.jamfcloud.com', clientId: demo.clientId, clientSecret: demo.clientSecret });
  // Keyhold invalidated its own token: nothing it obtained is left valid.
  expect(mocks.jamf.issuedTokens().length).toBeGreaterThan(0);
  expect(mocks.jamf.liveTokens()).toHaveLength(0);
});

test('a page that merely shows UUIDs and a masked secret gets no button', async ({ context, extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const page = await context.newPage();
  await page.goto('https://acme.jamfcloud.com/computers.html');
  await expect(page.getByText('Client ID').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('keyhold-capture')).toHaveCount(0);
});

test('a wrong secret is reported as invalid credentials in plain words', async ({ context, extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: INVENTORY_PRIVILEGES, clientSecret: null });
  const page = await context.newPage();
  await page.goto(mocks.jamf.clientPageUrl(client));
  expect(await generateSecretAndSave(page)).toBe('Saved · works');
  mocks.jamf.rotateSecret(client.clientId); // someone rotated it in the console, behind Keyhold's back
  const panel = await sidePanelFor(extension, page);
  await panel.getByRole('button', { name: 'Test', exact: true }).click();
  const report = panel.getByTestId('test-report').first();
  await expect(report).toContainText('Failed', { timeout: 20_000 });
  await expect(report).toContainText('INVALID_CREDENTIALS');
  await expect(report).toContainText(/wrong client ID or secret/i);
});

test('a client missing one privilege still works and reports that privilege as denied', async ({ context, extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: INVENTORY_PRIVILEGES.filter((p) => p !== 'Read Departments'), clientSecret: null });
  const page = await context.newPage();
  await page.goto(mocks.jamf.clientPageUrl(client));
  expect(await generateSecretAndSave(page)).toBe('Saved · works');
  const panel = await sidePanelFor(extension, page);
  const report = panel.getByTestId('test-report').first();
  await expect(report).toContainText('Works', { timeout: 15_000 });
  const card = panel.getByRole('article');
  await showTestTables(card);
  await expect(card.getByRole('row', { name: /Read Departments denied/ })).toBeVisible({ timeout: 15_000 });
  await expect(card.getByRole('row', { name: /Read Buildings granted/ })).toBeVisible();
  await expect(report).toContainText('Read Departments');
});

test('a server with only the legacy token path works through the fallback', async ({ context, extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  mocks.jamf.setLegacyTokenPathOnly(true);
  const page = await context.newPage();
  await page.goto(clientUrl(3));
  expect(await generateSecretAndSave(page)).toBe('Saved · works');
  const tokenCalls = mocks.server.requests.filter((r) => r.host === 'acme.jamfcloud.com' && r.method === 'POST' && /oauth\/token$/.test(r.path)).map((r) => r.path);
  expect(tokenCalls.slice(0, 2)).toEqual(['/api/v1/oauth/token', '/api/oauth/token']);
});

test('capturing a rotated secret updates the stored credential in place', async ({ context, extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const page = await context.newPage();
  await page.goto(clientUrl(3));
  expect(await generateSecretAndSave(page)).toBe('Saved · works');
  await page.reload();
  expect(await generateSecretAndSave(page, true)).toBe('Saved · works');
  const list = await extension.call('credentials.list');
  expect(list).toHaveLength(1);
  expect(list[0].rotatedAt).toBeTruthy();
  expect(list[0].rollbackUntil).toBeTruthy();
  const { values } = await extension.call('credentials.reveal', { id: list[0].id });
  expect(values.clientSecret).toBe(mocks.jamf.client(values.clientId).clientSecret);
});

test('capture works while the vault is locked, and the button says why when there is no vault', async ({ context, extension }) => {
  const page = await context.newPage();
  await page.goto(clientUrl(3));
  await page.getByRole('button', { name: 'Generate Client Secret' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Create Secret' }).click();
  await page.getByRole('button', { name: 'Save to Keyhold' }).click();
  await expect(page.getByRole('button', { name: /Not saved · create a Keyhold vault first/ })).toBeVisible();

  await extension.call('vault.create', { passphrase: PASSPHRASE });
  await extension.call('vault.lock');
  await page.reload();
  expect(await generateSecretAndSave(page, true)).toBe('Saved · works');
  expect((await extension.call('vault.status')).state).toBe('locked');
  const [summary] = await extension.call('credentials.list');
  expect(summary.lastTest?.ok).toBe(true);
  await expect(extension.send('credentials.reveal', { id: summary.id })).resolves.toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
});

test('the in-page button floats below the secret: the console keeps its own layout, Tab reaches it next, it follows scrolling', async ({ context, extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const page = await context.newPage();
  await page.goto(clientUrl(3));
  await page.getByRole('button', { name: 'Generate Client Secret' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Create Secret' }).click();
  const save = page.getByRole('button', { name: 'Save to Keyhold' });
  await expect(save).toBeVisible();

  // The console's Copy button and the secret field, measured with Keyhold's button on show and
  // then as if it were not there at all (display: none takes it out of layout).
  const boxes = await page.evaluate(() => {
    const dialog = document.querySelector('[role=dialog]')!;
    const copy = [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Copy')!;
    const input = dialog.querySelector('input')!;
    const rect = (el: Element) => JSON.stringify(el.getBoundingClientRect());
    const withKeyhold = [rect(copy), rect(input), rect(dialog)];
    const host = document.querySelector('keyhold-capture') as HTMLElement;
    const next = host.previousElementSibling === input;
    host.style.display = 'none';
    const without = [rect(copy), rect(input), rect(dialog)];
    host.style.display = '';
    return { withKeyhold, without, next };
  });
  expect(boxes.next).toBe(true); // in the DOM right after the value: Tab order and screen readers
  expect(boxes.withKeyhold).toEqual(boxes.without);

  // Keyboard: from the secret field, Tab lands on "Save to Keyhold".
  await page.locator('#client-secret').focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('KEYHOLD-CAPTURE');

  // Below the value, not over the console's Copy button; and it moves with the value on scroll.
  const offset = async () => {
    const [value, button] = await Promise.all([page.locator('#client-secret').boundingBox(), save.boundingBox()]);
    return { dx: Math.round(button!.x - value!.x), dy: Math.round(button!.y - value!.y), y: Math.round(button!.y) };
  };
  const before = await offset();
  const copyBox = (await page.getByRole('dialog').getByRole('button', { name: 'Copy', exact: true }).boundingBox())!;
  const saveBox = (await save.boundingBox())!;
  expect(saveBox.y).toBeGreaterThanOrEqual(copyBox.y + copyBox.height); // no overlap with Copy
  await page.evaluate(() => {
    const shade = document.querySelector('.overlay') as HTMLElement;
    Object.assign(shade.style, { overflow: 'auto', alignItems: 'flex-start' });
    (document.querySelector('[role=dialog]') as HTMLElement).style.margin = '300px 0 2000px';
    shade.scrollTop = 200;
  });
  await expect.poll(async () => (await offset()).y).not.toBe(before.y);
  const after = await offset();
  expect([after.dx, after.dy]).toEqual([before.dx, before.dy]);
});
