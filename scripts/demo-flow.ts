// The demo's whole flow on the demo Jamf Pro console, driven like an admin would: create the vault,
// generate a client secret on the console, click "Save to Keyhold", read the verdict in the guide.
// Used by `npm start -- --headless` and by the end-to-end test that keeps the demo honest.
import type { Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/e2e/launch';
import type { VendorMocks } from '../tests/mock-vendors';

export const DEMO_BASE_URL = 'https://acme.jamfcloud.com';
export const DEMO_CONSOLE_URL = `${DEMO_BASE_URL}/view/settings/system-settings/api-roles-and-clients?tab=api-roles`;
export const DEMO_CLIENT_URL = `${DEMO_BASE_URL}/view/settings/system-settings/api-roles-and-clients/api-clients/3`;
export const DEMO_PASSPHRASE = 'keyhold demo passphrase';

export async function runDemoFlow(launched: LaunchedExtension, _mocks: VendorMocks, log: (line: string) => void = () => undefined): Promise<string> {
  const { context, extensionId } = launched;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByLabel('Passphrase', { exact: true }).fill(DEMO_PASSPHRASE);
  await popup.getByLabel('Repeat passphrase').fill(DEMO_PASSPHRASE);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await popup.getByText('Vault unlocked').waitFor({ timeout: 30_000 });
  log('vault created (PBKDF2-SHA256, 600,000 iterations)');

  const consolePage = await context.newPage();
  await consolePage.goto(DEMO_CLIENT_URL);
  log(`opened the demo Jamf Pro client page: ${DEMO_CLIENT_URL}`);
  await consolePage.getByRole('button', { name: 'Generate Client Secret' }).click();
  await consolePage.getByRole('alertdialog').getByRole('button', { name: 'Create Secret' }).click();
  const save = consolePage.getByRole('button', { name: 'Save to Keyhold' });
  await save.waitFor({ timeout: 15_000 });
  log('the console showed the new client secret; "Save to Keyhold" appeared beside it');
  await save.click();
  const verdict = consolePage.getByRole('button', { name: /^Saved · / });
  await verdict.waitFor({ timeout: 30_000 });
  const text = (await verdict.textContent()) ?? '';
  log(`button now reads "${text}"`);
  if (text !== 'Saved · works') throw new Error(`the captured credential did not pass its test (${text})`);

  const panel = await openSidePanelFor(launched, consolePage);
  const report = panel.getByTestId('test-report').first();
  await report.waitFor({ timeout: 15_000 });
  const summary = ((await report.getByRole('status').first().textContent()) ?? '').trim();
  log(`side panel: ${summary}`);
  await popup.close();
  return summary;
}

export async function openSidePanelFor(launched: LaunchedExtension, consolePage: Page): Promise<Page> {
  const url = consolePage.url();
  const tabId = await launched.serviceWorker.evaluate(async (target) => (await chrome.tabs.query({})).find((tab) => tab.url === target)?.id ?? -1, url);
  const panel = await launched.context.newPage();
  await panel.goto(`chrome-extension://${launched.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}
