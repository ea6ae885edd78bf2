// Helpers for the Iru (Kandji) end-to-end tests: the fixture console's Add Token flow, the in-page
// "Save to Keyhold" button, the tenant's API traffic and the console messages of every page.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, type ExtensionHandle, type Mocks } from './fixtures';
import { showTestTables } from './credential-helpers';

/** The API tokens page of a tenant console: Kandji keeps it under Settings → Access, Iru under Access → API tokens. */
export function tokensUrl(consoleHost: string): string {
  return consoleHost.endsWith('.iru.com') ? `https://${consoleHost}/access/api-tokens` : `https://${consoleHost}/my-company/access`;
}

/** The in-page capture button (an open shadow root of <keyhold-capture>; locators pierce it). */
export function captureButton(page: Page): Locator {
  return page.locator('keyhold-capture').getByRole('button');
}

/** The "Copy your API token" dialog of the Add Token flow. */
export function tokenDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Copy your API token' });
}

/**
 * Add Token → Name / Description → Create, as an admin does, up to the once-shown token modal.
 * Returns the secret the mock issued (read from the mock, never from the page).
 */
export async function addTokenOnPage(
  page: Page,
  mocks: Mocks,
  options: { consoleHost: string; name: string; description?: string },
): Promise<string> {
  const before = mocks.iru.tokensOf(options.consoleHost).length;
  await page.getByRole('button', { name: 'Add Token' }).click();
  const create = page.getByRole('dialog', { name: 'Create API Token' });
  await expect(create).toBeVisible();
  await expect(create.getByRole('button', { name: 'Create' })).toBeDisabled();
  await create.getByLabel('Name', { exact: true }).fill(options.name);
  await create.getByLabel('Description', { exact: true }).fill(options.description ?? 'End-to-end test of Keyhold');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(tokenDialog(page)).toBeVisible();
  const tokens = mocks.iru.tokensOf(options.consoleHost);
  expect(tokens).toHaveLength(before + 1);
  const record = tokens.at(-1)!;
  expect(record.name).toBe(options.name);
  return record.token;
}

/** Tick "I have copied the token…", Next → Manage API Permissions → Configure, tick these, Save. */
export async function configurePermissionsOnPage(page: Page, permissions: string[]): Promise<void> {
  const dialog = tokenDialog(page);
  await dialog.getByRole('checkbox', { name: /I have copied the token/ }).check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  const manage = page.getByRole('dialog', { name: 'Manage API Permissions' });
  await manage.getByRole('button', { name: 'Configure' }).click();
  const form = page.getByRole('form', { name: 'API permissions' });
  await expect(form).toBeVisible();
  for (const name of permissions) await form.getByRole('checkbox', { name, exact: true }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Permissions saved.' })).toBeVisible();
}

/** API requests the mock received on one tenant API host (every token of the tenant shares this budget). */
export function apiRequests(mocks: Mocks, apiHost: string) {
  return mocks.server.requests.filter((request) => request.host === apiHost);
}

/**
 * Counts the API requests one Keyhold test makes: call `start()` before the action, `count()` after.
 * Checks the mock's own counter agrees with the request log.
 */
export function requestMeter(mocks: Mocks, apiHost: string) {
  let logged = 0;
  let counted = 0;
  return {
    start() {
      logged = apiRequests(mocks, apiHost).length;
      counted = mocks.iru.requestCount(apiHost);
    },
    count(): number {
      const fromLog = apiRequests(mocks, apiHost).length - logged;
      expect(mocks.iru.requestCount(apiHost) - counted, 'the mock counter agrees with the request log').toBe(fromLog);
      return fromLog;
    },
  };
}

/**
 * Every console message (and uncaught page error) of every page of the context (console page, side
 * panel, the door page) and of the extension's service worker, as text.
 */
export function collectConsoleMessages(context: BrowserContext, extension: ExtensionHandle) {
  const messages: string[] = [];
  const watchedWorkers = new WeakSet<object>();
  const watchWorker = (worker: { on(event: 'console', listener: (message: { text(): string }) => void): unknown }) => {
    if (watchedWorkers.has(worker)) return;
    watchedWorkers.add(worker);
    worker.on('console', (message) => messages.push(`[worker] ${message.text()}`));
  };
  context.on('console', (message) => messages.push(message.text()));
  context.on('weberror', (error) => messages.push(`[pageerror] ${error.error().message}`));
  for (const worker of context.serviceWorkers()) watchWorker(worker);
  context.on('serviceworker', watchWorker);
  void extension.serviceWorker().then(watchWorker);
  return {
    messages,
    /** Fails when any message contains the secret (as written, in upper case or without its dashes). */
    expectNoSecret(secret: string) {
      const needle = secret.replace(/-/g, '').toLowerCase();
      const leaks = messages.filter((text) => text.replace(/-/g, '').toLowerCase().includes(needle));
      expect(leaks, 'console messages that contain the token').toEqual([]);
    },
  };
}

/** The side panel pointed at a console tab, once it shows that tab's console. */
export async function openSidePanelFor(extension: ExtensionHandle, consolePage: Page, header: string): Promise<Page> {
  const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(consolePage)}`);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText(header);
  return panel;
}

/** A credential's card in the side panel, by (part of) its label. */
export function credentialCard(panel: Page, label: string | RegExp): Locator {
  return panel.getByRole('article', { name: label });
}

/** The verdict line of a card's last test ("Works: …" or "Failed (CODE): …"). */
export function verdictLine(card: Locator): Locator {
  return card.getByTestId('test-report').getByRole('status');
}

/** The Permissions table of a card's last test, as { name: 'granted' | 'denied' }. */
export async function permissionRows(card: Locator): Promise<Record<string, string>> {
  await showTestTables(card);
  const rows = card.getByRole('table', { name: 'Permissions' }).getByRole('row');
  const out: Record<string, string> = {};
  for (const row of await rows.all()) {
    const cells = await row.getByRole('cell').allTextContents();
    if (cells.length === 2) out[cells[0]] = cells[1];
  }
  return out;
}

/** When a credential was last tested (from the background), or undefined. */
async function testedAt(extension: ExtensionHandle, id: string): Promise<string | undefined> {
  return (await extension.call('credentials.list')).find((credential) => credential.id === id)?.lastTest?.testedAt;
}

/** Click "Test" on a side panel card and wait until the background has recorded the new result. */
export async function testFromPanel(extension: ExtensionHandle, card: Locator, id: string): Promise<void> {
  const before = await testedAt(extension, id);
  await card.getByRole('button', { name: 'Test', exact: true }).click();
  await expect.poll(() => testedAt(extension, id)).not.toBe(before);
}
