// Fill the destination, end to end in real Chromium: credentials captured and verified against the
// vendor mocks are filled into integration forms served on their own hostnames (plain HTML, a
// React-style controlled form, an Angular-style model form, a region select with an org ID and an
// expiry date, a file input for the Apple key, a domain without scheme), each form is submitted,
// and the exact, shaped values that reach the destination's endpoint are checked. A page that
// tries to trigger the fill itself gets nothing.
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { test, expect, type Page } from '@playwright/test';
import { startVendorMocks } from '../mock-vendors';
import { destinationHosts } from '../mock-destinations';
import { PASSPHRASE } from './fixtures';
import { fillPanel, launchWithDestinationAccess } from './fill-helpers';
import { openCredential } from './credential-helpers';

test.describe.configure({ mode: 'serial' });

const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(import.meta.dirname, '../../docs/screenshots')
  : path.resolve(import.meta.dirname, '../../test-results/screenshots');

let mocks: Awaited<ReturnType<typeof startVendorMocks>>;
let session: Awaited<ReturnType<typeof launchWithDestinationAccess>>;
const ids: Record<string, string> = {};
let jamfClientId = '';
const secrets: Record<string, string> = {};
const JC_KEY = `jca_${'K'.repeat(20)}${'7'.repeat(16)}`;
const ORG = 'a1b2c3d4e5f6a7b8c9d0e1f2';
const APPLE_CLIENT = `BUSINESSAPI.${randomUUID()}`;
const APPLE_KEY_ID = randomUUID();
const APPLE_PEM = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const EXPIRES = new Date(2027, 2, 31, 12, 0).toISOString();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  mocks = await startVendorMocks();
  session = await launchWithDestinationAccess(
    mocks.server.hostResolverRules,
    Object.values(destinationHosts).filter((host) => host !== destinationHosts.demo),
  );
  await session.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: ['Read Computers'] });
  secrets.jamf = client.clientSecret!;
  jamfClientId = client.clientId;
  ids.jamf = (
    await session.call('credentials.add', {
      vendor: 'jamf-pro',
      label: 'Acme Jamf Pro',
      values: { baseUrl: 'https://acme.jamfcloud.com', clientId: client.clientId, clientSecret: client.clientSecret },
    })
  ).id;
  expect((await session.call('credentials.test', { id: ids.jamf })).ok).toBe(true);
  ids.jumpcloud = (
    await session.call('credentials.add', {
      vendor: 'jumpcloud-api-key',
      label: 'JumpCloud EU key',
      values: { apiKey: JC_KEY, region: 'eu', orgId: ORG },
      expiresAt: EXPIRES,
    })
  ).id;
  ids.apple = (
    await session.call('credentials.add', {
      vendor: 'apple-business',
      label: 'ABM sync',
      values: { clientId: APPLE_CLIENT, keyId: APPLE_KEY_ID, privateKey: APPLE_PEM },
    })
  ).id;
});

test.afterAll(async () => {
  await session?.close();
  await mocks?.server.close();
});

async function openDestination(key: keyof typeof destinationHosts): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`https://${destinationHosts[key]}/settings`);
  return page;
}

/** What the popup's "Fill this page" does (the test stands in for the toolbar's activeTab grant). */
async function askForFill(page: Page) {
  const started = await session.call('fill.start', { tabId: await session.tabIdOf(page) });
  expect(started.origin).toBe(new URL(page.url()).origin);
  await expect(fillPanel(page).getByRole('dialog', { name: 'Keyhold fill' })).toBeVisible();
  return fillPanel(page);
}

const lastSubmission = () => mocks.destinations.submissions.at(-1);

test('plain form (AirMDR): one click fills Base URL, Client ID and Client Password; hidden, read-only and off-screen fields stay empty', async () => {
  const page = await openDestination('plain');
  const panel = await askForFill(page);
  await expect(panel.getByTestId('fill-profile')).toHaveText('Form: AirMDR · Jamf Pro');
  // The verified Jamf Pro client is proposed first, with its last test result.
  await expect(panel.getByRole('radio').first()).toBeChecked();
  await expect(panel.locator('label.choice').first()).toContainText('Acme Jamf Pro');
  await expect(panel.locator('label.choice').first()).toContainText(/verified/);
  await expect(panel.getByRole('table', { name: 'Fields to fill' })).toContainText('Base URL');
  await expect(panel.getByRole('table', { name: 'Fields to fill' })).not.toContainText('Instance name');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'fill-proposal.png') });
  await panel.getByRole('button', { name: 'Fill', exact: true }).click();
  const report = panel.getByRole('table', { name: 'Filled fields' });
  await expect(report).toContainText('https://acme.jamfcloud.com');
  await expect(report).toContainText('(secret, ');
  await expect(report).not.toContainText(secrets.jamf);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'fill.png') });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible();
  expect(lastSubmission()).toMatchObject({
    host: destinationHosts.plain,
    fields: {
      name: 'acme-Jamf Pro',
      base_url: 'https://acme.jamfcloud.com',
      client_id: jamfClientId,
      client_password: secrets.jamf,
      trap_secret: '',
      csrf: 'token-123',
      readonly_secret: '',
    },
  });
  // Remembered where it went (origin and date, never a value), and audited.
  const listed = (await session.call('credentials.list')) as { id: string; usedBy?: { origin: string; at: string }[] }[];
  expect(listed.find((c) => c.id === ids.jamf)?.usedBy).toEqual([
    { origin: `https://${destinationHosts.plain}`, at: expect.any(String), fields: ['baseUrl', 'clientId', 'clientSecret'] },
  ]);
  const audit = (await session.call('audit.list')) as { event: string; label?: string; detail?: string }[];
  expect(audit.at(-1)).toMatchObject({
    event: 'filled',
    label: 'Acme Jamf Pro',
    detail: `https://${destinationHosts.plain} (baseUrl, clientId, clientSecret)`,
  });
  await page.close();
});

test('React-style controlled form (Okta): the domain without scheme reaches the component state', async () => {
  const page = await openDestination('react');
  const panel = await askForFill(page);
  await panel.getByRole('button', { name: 'Fill', exact: true }).click();
  await expect(panel.getByRole('table', { name: 'Filled fields' })).toContainText('acme.jamfcloud.com');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#out')).toHaveText('Saved');
  expect(lastSubmission()).toEqual({
    host: destinationHosts.react,
    path: '/api/v1/apps/jamf',
    fields: { domain: 'acme.jamfcloud.com', clientId: jamfClientId, clientSecret: secrets.jamf },
    files: {},
  });
  await page.close();
});

test('Angular-style model form (Elastic): API host with a trailing slash; the model is valid and saved', async () => {
  const page = await openDestination('angular');
  const panel = await askForFill(page);
  await panel.getByRole('button', { name: 'Fill', exact: true }).click();
  await expect(panel.getByRole('table', { name: 'Filled fields' })).toBeVisible();
  await expect(page.getByLabel('Jamf Pro API Host')).toHaveClass(/ng-dirty/);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.locator('#out')).toHaveText('Saved');
  expect(lastSubmission()?.fields).toEqual({
    api_host: 'https://acme.jamfcloud.com/',
    client_id: jamfClientId,
    client_secret: secrets.jamf,
  });
  await page.close();
});

test('region select, organisation ID and expiry date (StackOne): the form’s own EU option and mm/dd/yyyy', async () => {
  const page = await openDestination('region');
  const panel = await askForFill(page);
  await expect(panel.locator('label.choice').first()).toContainText('JumpCloud EU key');
  await panel.getByRole('button', { name: 'Fill', exact: true }).click();
  await expect(panel.getByRole('table', { name: 'Filled fields' })).toContainText('Europe');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible();
  expect(lastSubmission()?.fields).toEqual({
    region: 'https://console.eu.jumpcloud.com',
    org_id: ORG,
    api_key: JC_KEY,
    expires: '03/31/2027',
  });
  await page.close();
});

test('file input (Apple key): the private key arrives as a .pem upload with the client and key IDs', async () => {
  const page = await openDestination('file');
  const panel = await askForFill(page);
  await panel.getByRole('button', { name: 'Fill', exact: true }).click();
  await expect(panel.getByRole('table', { name: 'Filled fields' })).toContainText('ABM_sync.pem');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible();
  const sent = lastSubmission()!;
  expect(sent.fields).toEqual({ client_id: APPLE_CLIENT, key_id: APPLE_KEY_ID });
  expect(sent.files.private_key.name).toBe('ABM_sync.pem');
  expect(sent.files.private_key.text.trim()).toBe(APPLE_PEM.trim());
  await page.close();
});

test('a field that already has a value is not overwritten unless the admin ticks it', async () => {
  const page = await openDestination('plain');
  await page.getByLabel('Client ID').fill('keep-me');
  const panel = await askForFill(page);
  await expect(panel.getByRole('checkbox', { name: 'Overwrite Client ID' })).not.toBeChecked();
  await panel.getByRole('button', { name: 'Fill', exact: true }).click();
  await expect(panel.getByRole('table', { name: 'Filled fields' })).not.toContainText('Client ID');
  await expect(page.getByLabel('Client ID')).toHaveValue('keep-me');
  await expect(page.getByLabel('Base URL')).toHaveValue('https://acme.jamfcloud.com');
  await page.close();
});

test('a page cannot fill itself: no panel without the admin, synthetic clicks on the panel do nothing, no values leave', async () => {
  const page = await openDestination('hostile');
  await page.waitForTimeout(500);
  await expect(fillPanel(page)).toHaveCount(0);
  await expect(page.locator('#log')).toContainText('no-runtime');
  const auditBefore = ((await session.call('audit.list')) as unknown[]).length;
  // The admin asks; the page's script keeps clicking "Fill" itself.
  const panel = await askForFill(page);
  await expect(page.locator('#log')).toContainText('clicked');
  await page.waitForTimeout(700);
  await expect(panel.getByRole('table', { name: 'Filled fields' })).toHaveCount(0);
  await expect(page.getByLabel('Client Secret')).toHaveValue('');
  expect(mocks.destinations.submissions.filter((s) => s.host === destinationHosts.hostile)).toEqual([]);
  const audit = (await session.call('audit.list')) as { event: string }[];
  expect(audit.slice(auditBefore).filter((entry) => entry.event === 'filled')).toEqual([]);
  // And a fill request from any extension page is refused: only the injected script, with its ticket.
  const forged = await session.send('fill.values', { ticket: 'forged-ticket-1', id: ids.jamf, fields: ['clientSecret'] });
  expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  await page.close();
});

test('a locked vault fills nothing: the panel says to unlock', async () => {
  await session.call('vault.lock');
  const page = await openDestination('plain');
  const started = await session.call('fill.start', { tabId: await session.tabIdOf(page) });
  expect(started.locked).toBe(true);
  await expect(fillPanel(page).getByRole('alert')).toContainText('Keyhold is locked');
  await expect(fillPanel(page).getByRole('button', { name: 'Fill', exact: true })).toHaveCount(0);
  await session.call('vault.unlock', { passphrase: PASSPHRASE });
  await page.close();
});

test('Used by, then a rotation: the guide lists every destination on the old secret, opens one, refills it and marks it done', async () => {
  const panelPage = await session.context.newPage();
  await panelPage.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  // One credential is open at a time in the side panel's list: open this one.
  const card = await openCredential(panelPage, 'Acme Jamf Pro');
  await expect(card.getByTestId('used-by')).toContainText(`Filled on https://${destinationHosts.plain}`);
  await expect(card.getByTestId('used-by')).toContainText(`https://${destinationHosts.react}`);
  await expect(card.getByTestId('used-by')).not.toContainText(destinationHosts.hostile);

  // The secret is rotated (as a capture of the new secret would do).
  const rotated = 'rotated-secret-for-the-destinations-0001';
  await session.call('credentials.update', { id: ids.jamf, values: { clientSecret: rotated } });
  const refill = card.getByRole('region', { name: 'Destinations to refill' });
  await expect(refill.getByRole('alert')).toContainText('3 destinations still use the old secret', { timeout: 10_000 });
  await expect(refill.getByTestId('rotation-destinations')).toContainText('still on the old secret');

  // One click opens the destination; there the admin asks for the fill (toolbar or shortcut).
  const opened = session.context.waitForEvent('page');
  await refill.getByRole('listitem').filter({ hasText: destinationHosts.plain }).getByRole('button', { name: 'Open and fill' }).click();
  const destination = await opened;
  await destination.waitForLoadState();
  expect(new URL(destination.url()).host).toBe(destinationHosts.plain);
  const panel = await askForFill(destination);
  await expect(panel.locator('label.choice').first()).toContainText('this site still has the old secret');
  // The fields hold nothing yet on a fresh page; the refill is one click.
  await panel.getByRole('button', { name: 'Fill', exact: true }).click();
  await expect(panel.getByRole('table', { name: 'Filled fields' })).toBeVisible();
  await destination.getByRole('button', { name: 'Create' }).click();
  await expect(destination.getByRole('heading', { name: 'Saved' })).toBeVisible();
  expect(lastSubmission()?.fields.client_password).toBe(rotated);

  await expect(refill.getByRole('listitem').filter({ hasText: destinationHosts.plain })).toContainText('done', { timeout: 10_000 });
  await expect(refill.getByRole('alert')).toContainText('2 destinations still use the old secret');
  await destination.close();
  await panelPage.close();
});

test('without the gesture’s activeTab grant nothing is injected, and Keyhold says how to ask', async () => {
  // The demo destination is the one host this launch was not granted (no toolbar click there).
  const before = new Set((await session.door.evaluate(() => chrome.tabs.query({}))).map((tab) => tab.id));
  const page = await openDestination('demo');
  // Without a grant the extension cannot even read the tab's URL: find the new tab by its id.
  const tabId = (await session.door.evaluate(() => chrome.tabs.query({}))).find((tab) => !before.has(tab.id))?.id;
  expect(tabId).toBeDefined();
  const refused = await session.send('fill.start', { tabId });
  expect(refused).toMatchObject({ ok: false, error: { code: 'HOST_PERMISSION_REQUIRED' } });
  expect(refused.error?.message).toContain('toolbar button');
  await page.waitForTimeout(300);
  await expect(fillPanel(page)).toHaveCount(0);
  await page.close();
});

test('a Jamf School connector (issue #18): the school’s URL, its Network ID in a number box and the API key', async () => {
  const key = mocks.jamfSchool.addKey({ read: ['devices'] });
  ids.school = (
    await session.call('credentials.add', {
      vendor: 'jamf-school',
      label: 'Acme School',
      values: { baseUrl: 'https://acmeschool.jamfcloud.com', networkId: mocks.jamfSchool.networkId, apiKey: key.apiKey },
    })
  ).id;
  const page = await openDestination('school');
  const panel = await askForFill(page);
  // The School key is proposed first: the page names Jamf School and only it fills all three fields.
  await expect(panel.locator('label.choice').first()).toContainText('Acme School');
  await expect(panel.getByRole('radio').first()).toBeChecked();
  await expect(panel.getByRole('table', { name: 'Fields to fill' })).toContainText('Network ID');
  await expect(panel.getByRole('table', { name: 'Fields to fill' })).not.toContainText('Jamf Pro server');
  await panel.getByRole('button', { name: 'Fill', exact: true }).click();
  const report = panel.getByRole('table', { name: 'Filled fields' });
  await expect(report).toContainText(mocks.jamfSchool.networkId);
  await expect(report).not.toContainText(key.apiKey);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible();
  expect(lastSubmission()).toMatchObject({
    host: destinationHosts.school,
    fields: { school_url: 'https://acmeschool.jamfcloud.com', network_id: mocks.jamfSchool.networkId, api_key: key.apiKey },
  });
  await page.close();
});
