// The "Save to Keyhold" fallback and its neighbours in real Chromium against the strict mocks:
// the context-menu/shortcut handler (driven by dispatching the very events the browser fires, in
// the service worker: automation cannot open a browser menu or press a browser shortcut), the side
// panel's prefill and paste, Iru EU on iru.com, JumpCloud's documented organization answers, and
// the Origin header Keyhold's own API requests carry.
import type { Page, Worker } from '@playwright/test';
import { test, expect, PASSPHRASE, type ExtensionHandle } from './fixtures';
import { DEMO_CLIENTS } from '../mock-vendors/jamf-pro';
import { addTokenOnPage, apiRequests, captureButton, tokensUrl } from './iru-helpers';

const CLIENT_PAGE = 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-clients/3';
const ROLES_PAGE = 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients?tab=api-roles';

async function generateSecret(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Generate Client Secret' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Create Secret' }).click();
  await expect(page.getByRole('button', { name: 'Save to Keyhold' })).toBeVisible();
}

/** What the browser does on a click of the "Save to Keyhold" menu item, or on a shortcut: fire the event. */
async function fire(worker: Worker, event: 'menu' | 'command', url: string, detail: { selectionText?: string; command?: string } = {}) {
  await worker.evaluate(
    async ([kind, pageUrl, { selectionText, command }]) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl.replace(/[?#].*$/, '*') });
      if (!tab) throw new Error(`no tab for ${pageUrl}`);
      const dispatchable = <T>(e: T) => e as T & { dispatch(...args: unknown[]): void };
      if (kind === 'menu') {
        dispatchable(chrome.contextMenus.onClicked).dispatch(
          { menuItemId: 'keyhold-save-selection', selectionText, frameId: 0, editable: false, pageUrl: tab.url },
          tab,
        );
      } else {
        dispatchable(chrome.commands.onCommand).dispatch(command, tab);
      }
    },
    [event, url, detail] as const,
  );
}

/** The admin selects the secret somewhere on the page (here: a note the page shows). */
async function selectShownSecret(page: Page, secret: string): Promise<void> {
  await page.evaluate((text) => {
    const note = document.createElement('p');
    note.textContent = text;
    document.body.append(note);
    getSelection()!.selectAllChildren(note);
  }, secret);
}

async function credentials(extension: ExtensionHandle) {
  return extension.call('credentials.list');
}

test('right-click a selected Jamf Pro secret → saved with the client ID the page showed and tested, as the in-page button does', async ({
  context,
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  await extension.call('vault.lock');
  const page = await context.newPage();
  await page.goto(CLIENT_PAGE);
  await generateSecret(page);
  const demo = mocks.jamf.client(DEMO_CLIENTS['acme.jamfcloud.com'].clientId);
  expect(demo.clientSecret).toBeTruthy();

  // The item exists (created at install): updating an unknown id would reject.
  const worker = await extension.serviceWorker();
  await worker.evaluate(() => chrome.contextMenus.update('keyhold-save-selection', {}));
  await expect(worker.evaluate(() => chrome.contextMenus.update('no-such-item', {}))).rejects.toThrow();
  await fire(worker, 'menu', CLIENT_PAGE, { selectionText: demo.clientSecret! });
  await expect.poll(async () => (await credentials(extension))[0]?.lastTest?.ok, { timeout: 20_000 }).toBe(true);
  const [saved] = await credentials(extension);
  expect(saved).toMatchObject({ vendor: 'jamf-pro', source: { url: CLIENT_PAGE } });
  expect(saved.label).toContain(demo.clientId.slice(0, 8));
  // Sealed while locked; the values are the page's client ID and the selected secret.
  await extension.call('vault.unlock', { passphrase: PASSPHRASE });
  // Captured while locked: listed for the admin to keep (#19 item 4) before anything opens it.
  expect(await extension.call('vault.unconfirmed')).toMatchObject([{ id: saved.id }]);
  await extension.call('vault.confirm', { decisions: [{ id: saved.id, keep: true }] });
  expect((await extension.call('credentials.reveal', { id: saved.id })).values).toEqual({
    baseUrl: 'https://acme.jamfcloud.com',
    clientId: demo.clientId,
    clientSecret: demo.clientSecret,
  });
  expect(mocks.server.requests.filter((r) => r.host === 'acme.jamfcloud.com' && r.path.endsWith('/oauth/token')).length).toBeGreaterThan(0);
});

test('the shortcut on a page that shows only the secret: the side panel asks for the client ID alone, then saves and tests', async ({
  context,
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: ['Read Computers'] });
  const page = await context.newPage();
  await page.goto(ROLES_PAGE);
  await selectShownSecret(page, client.clientSecret!);
  await fire(await extension.serviceWorker(), 'command', ROLES_PAGE, { command: 'save-selection' });

  const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(page)}`);
  const form = panel.getByRole('form', { name: 'Add a credential by hand' });
  await expect(form).toBeVisible();
  await expect(form.getByRole('status').first()).toContainText('give the rest to save it');
  await expect(form.getByLabel('Jamf Pro server URL')).toHaveValue('https://acme.jamfcloud.com');
  await expect(form.getByLabel('Client Secret')).toHaveValue(client.clientSecret!);
  await expect(form.getByLabel('Client ID')).toHaveValue('');
  await expect(form.getByLabel('Client ID')).toBeFocused();
  await form.getByLabel('Client ID').fill(client.clientId);
  await form.getByRole('button', { name: 'Save to vault' }).click();
  await expect.poll(async () => (await credentials(extension))[0]?.lastTest?.ok, { timeout: 20_000 }).toBe(true);
  expect((await credentials(extension))[0].vendor).toBe('jamf-pro');
});

test('a side panel already open hears of the waiting capture (the "changed" signal) and asks for the rest', async ({
  context,
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: ['Read Computers'] });
  const page = await context.newPage();
  await page.goto(ROLES_PAGE);
  const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(page)}`);
  const form = panel.getByRole('form', { name: 'Add a credential by hand' });
  await expect(panel.getByRole('heading').first()).toBeVisible();
  await expect(form).toBeHidden();
  await page.bringToFront();
  await selectShownSecret(page, client.clientSecret!);
  await fire(await extension.serviceWorker(), 'command', ROLES_PAGE, { command: 'save-selection' });
  // No reload, no focus: the open panel learns of it from the background's signal alone.
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Client Secret')).toHaveValue(client.clientSecret!);
  await expect(form.getByLabel('Client ID')).toHaveValue('');
});

test('one paste of the whole block fills the add form, with the console’s server URL already there', async ({
  context,
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: ['Read Computers'] });
  const page = await context.newPage();
  await page.goto(ROLES_PAGE);
  const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(page)}`);
  await panel.getByRole('button', { name: 'Add a credential by hand' }).click();
  const form = panel.getByRole('form', { name: 'Add a credential by hand' });
  await expect(form.getByLabel('Jamf Pro server URL')).toHaveValue('https://acme.jamfcloud.com');
  await form
    .getByLabel(/Paste the whole block/)
    .fill(`クライアントシークレット\n${client.clientSecret}\nクライアントID\n${client.clientId}`);
  await expect(form.getByRole('status')).toContainText('Jamf Pro API client: filled');
  await expect(form.getByLabel('Client ID')).toHaveValue(client.clientId);
  await expect(form.getByLabel('Client Secret')).toHaveValue(client.clientSecret!);
  await form.getByRole('button', { name: 'Save to vault' }).click();
  await expect.poll(async () => (await credentials(extension)).length).toBe(1);
});

test('Iru EU on iru.com: the token is captured on acme.eu.iru.com and tested on acme.api.eu.iru.com', async ({
  context,
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  mocks.iru.presetPermissions('acme.eu.iru.com', ['Device list']);
  const page = await context.newPage();
  await page.goto(`${tokensUrl('acme.eu.iru.com')}?display=input`);
  await expect(page.getByText('acme.api.eu.iru.com')).toBeVisible();
  const token = await addTokenOnPage(page, mocks, { consoleHost: 'acme.eu.iru.com', name: 'EU sync' });
  await captureButton(page).click();
  await expect(captureButton(page)).toHaveText('Saved · works', { timeout: 20_000 });
  const [saved] = await credentials(extension);
  expect(saved.label).toBe('EU sync (acme.api.eu.iru.com)');
  expect((await extension.call('credentials.reveal', { id: saved.id })).values).toMatchObject({
    apiUrl: 'https://acme.api.eu.iru.com',
    token,
  });
  expect(apiRequests(mocks, 'acme.api.eu.iru.com').length).toBeGreaterThan(0);
  expect(apiRequests(mocks, 'acme.api.iru.com')).toHaveLength(0);
  const state = await extension.call('console.state', { tabId: await extension.tabIdOf(page) });
  expect(state).toMatchObject({ consoleId: 'iru', tenant: 'acme.eu.iru.com' });
});

test('#19 item 12: an Iru page naming another tenant’s API URL saves nothing; the side panel asks, with this tenant’s API URL', async ({
  context,
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  mocks.iru.presetPermissions('acme.kandji.io', ['Device list']);
  const page = await context.newPage();
  await page.goto(tokensUrl('acme.kandji.io'));
  // A compromised or confusing page: the API URL line names another tenant.
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      node.nodeValue = node.nodeValue!.replace('acme.api.kandji.io', 'evil.api.kandji.io');
  });
  await expect(page.getByText('evil.api.kandji.io')).toBeVisible();
  const token = await addTokenOnPage(page, mocks, { consoleHost: 'acme.kandji.io', name: 'Sync' });
  await captureButton(page).click();
  await expect(captureButton(page)).toHaveText('Not saved · finish in the side panel');
  expect(await credentials(extension)).toEqual([]);
  expect(mocks.server.requests.filter((r) => r.host.endsWith('.api.kandji.io'))).toHaveLength(0);

  const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(page)}`);
  const form = panel.getByRole('form', { name: 'Add a credential by hand' });
  await expect(form.getByRole('status').first()).toContainText('The page showed evil.api.kandji.io, which is not acme.kandji.io’s');
  await expect(form.getByLabel('API URL', { exact: true })).toHaveValue('https://acme.api.kandji.io');
  await expect(form.getByLabel('API token', { exact: true })).toHaveValue(token);
  await form.getByRole('button', { name: 'Save to vault' }).click();
  await expect.poll(async () => (await credentials(extension))[0]?.lastTest?.ok, { timeout: 20_000 }).toBe(true);
  expect(mocks.server.requests.some((r) => r.host === 'evil.api.kandji.io')).toBe(false);
});

test('JumpCloud multi-tenant key: the documented 404 for an unknown organization is named in the side panel', async ({
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  mocks.jumpcloud.organizationAnswers('documented');
  const { key, orgs } = mocks.jumpcloud.addApiKey({ region: 'us', multiTenant: true, orgs: 2 });
  const { id } = await extension.call('credentials.add', {
    vendor: 'jumpcloud-api-key',
    values: { apiKey: key, region: 'us', orgId: 'ffffffffffffffffffffffff' },
  });
  const report = await extension.call('credentials.test', { id });
  expect(report).toMatchObject({ ok: false, code: 'ORGANIZATION_REQUIRED', details: { organizationProblem: 'not-found' } });
  const panel = await extension.open('sidepanel.html');
  const card = panel.locator(`article[data-credential="${id}"]`);
  await expect(card.getByRole('status')).toContainText('has no organization ffffffffffffffffffffffff (HTTP 404, organization not found)');
  await expect(card.getByLabel('Organization', { exact: true }).locator('option')).toHaveText(['Choose…', ...orgs.map((org) => org.name)]);
  const calls = mocks.server.requests.filter((r) => r.host === 'console.jumpcloud.com').map((r) => [r.path, r.headers['x-org-id'] ?? null]);
  expect(calls).toEqual([
    ['/api/systemusers', 'ffffffffffffffffffffffff'],
    ['/api/organizations', null],
  ]);
});

test('Origin: Keyhold’s POSTs carry the extension’s origin and its GETs none; a vendor refusing foreign origins fails plainly', async ({
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: ['Read Computers'] });
  const { id } = await extension.call('credentials.add', {
    vendor: 'jamf-pro',
    values: { baseUrl: 'https://acme.jamfcloud.com', clientId: client.clientId, clientSecret: client.clientSecret! },
  });
  expect((await extension.call('credentials.test', { id })).ok).toBe(true);
  const jamf = mocks.server.requests.filter((r) => r.host === 'acme.jamfcloud.com');
  const token = jamf.filter((r) => r.method === 'POST');
  expect(token.length).toBeGreaterThan(0);
  for (const request of token) expect(request.headers.origin).toBe(`chrome-extension://${extension.id}`);
  for (const request of jamf.filter((r) => r.method === 'GET')) expect(request.headers.origin).toBeUndefined();

  mocks.server.refuseForeignOrigin(['acme.jamfcloud.com']);
  const refused = await extension.call('credentials.test', { id });
  expect(refused.ok).toBe(false);
  expect(refused.message).toContain('acme.jamfcloud.com');
  expect(refused.message).not.toContain('Cross-origin request refused');
});
