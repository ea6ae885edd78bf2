// The demo's whole flow on the demo Jamf Pro console, driven like an admin would: create the vault,
// generate a client secret on the console, click "Save to Keyhold", read the verdict in the guide,
// then fill the demo destination (an integration settings page) from the popup's "Fill this page",
// submit it, and see "Used by" in the side panel.
// Used by `npm start -- --headless` and by the end-to-end test that keeps the demo honest.
import type { Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/e2e/launch';
import type { VendorMocks } from '../tests/mock-vendors';

export const DEMO_BASE_URL = 'https://acme.jamfcloud.com';
export const DEMO_CONSOLE_URL = `${DEMO_BASE_URL}/view/settings/system-settings/api-roles-and-clients?tab=api-roles`;
export const DEMO_CLIENT_URL = `${DEMO_BASE_URL}/view/settings/system-settings/api-roles-and-clients/api-clients/3`;
export const DEMO_PASSPHRASE = 'keyhold demo passphrase';
/** The demo destination: "Acme SIEM", an integration settings page that wants the Jamf Pro client. */
export const DEMO_DESTINATION_URL = 'https://integrations.demo-siem.test/settings';

export async function runDemoFlow(
  launched: LaunchedExtension,
  mocks: VendorMocks,
  log: (line: string) => void = () => undefined,
  options: { fill?: boolean } = {},
): Promise<string> {
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
  if (options.fill) await fillDemoDestination(launched, mocks, panel, log);
  return summary;
}

/**
 * The popup over the demo destination → "Fill this page" → the in-page panel → Fill → submit; the
 * destination receives the shaped values and the side panel lists it under "Used by". Needs the
 * toolbar's activeTab grant on that page (headless: granted as the tests grant it).
 */
async function fillDemoDestination(
  launched: LaunchedExtension,
  mocks: VendorMocks,
  panel: Page,
  log: (line: string) => void,
): Promise<void> {
  const { context, extensionId } = launched;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const destination = await context.newPage();
  await destination.goto(DEMO_DESTINATION_URL);
  log(`opened the demo destination: ${DEMO_DESTINATION_URL} (an integration settings page)`);
  await popup.reload(); // the popup now looks at the destination tab, as after a toolbar click there
  await popup.getByRole('button', { name: 'Fill this page' }).click();
  const fillPanel = destination.locator('keyhold-fill');
  await fillPanel.getByRole('button', { name: 'Fill', exact: true }).click({ timeout: 15_000 });
  const filled = fillPanel.getByRole('table', { name: 'Filled fields' });
  await filled.waitFor({ timeout: 15_000 });
  const rows = await filled
    .locator('tr')
    .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent).join(' → ')));
  log(`filled: ${rows.join('; ')}`);
  await destination.getByRole('button', { name: 'Save integration' }).click();
  await destination.getByRole('heading', { name: 'Saved' }).waitFor({ timeout: 15_000 });
  const sent = mocks.destinations.submissions.at(-1);
  if (sent?.fields.server_url !== DEMO_BASE_URL || !sent.fields.client_id || !sent.fields.client_secret) {
    throw new Error('the demo destination did not receive the Jamf Pro server, client ID and secret');
  }
  log(`the destination received server_url=${sent.fields.server_url}, client_id=${sent.fields.client_id} and the secret`);
  const usedBy = panel.getByTestId('used-by').first();
  await usedBy.waitFor({ timeout: 15_000 });
  log(`side panel, Used by: ${((await usedBy.textContent()) ?? '').trim()}`);
}

export async function openSidePanelFor(launched: LaunchedExtension, consolePage: Page): Promise<Page> {
  const url = consolePage.url();
  const tabId = await launched.serviceWorker.evaluate(
    async (target) => (await chrome.tabs.query({})).find((tab) => tab.url === target)?.id ?? -1,
    url,
  );
  const panel = await launched.context.newPage();
  await panel.goto(`chrome-extension://${launched.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}
