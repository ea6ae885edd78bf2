// Jamf School end to end (issue #18): the built extension in real Chromium against the strict
// School mock on acmeschool.jamfcloud.com, a Jamf Cloud host Jamf Pro also uses: the page is
// recognised as Jamf School by path and document, the key is captured from the Add API Key dialog
// with the Network ID the page shows, and tested with Basic auth and X-Server-Protocol-Version 3.
import { test, expect, PASSPHRASE } from './fixtures';
import { captureButton, collectConsoleMessages, credentialCard, openSidePanelFor, permissionRows, verdictLine } from './iru-helpers';
import { NETWORK_ID, SCHOOL_URL } from '../mock-vendors/jamf-school';

const HOST = 'acmeschool.jamfcloud.com';

async function addKey(page: import('@playwright/test').Page, name: string, read: string[]) {
  await page.goto(`${SCHOOL_URL}/organisation/settings/api`);
  await page.getByRole('button', { name: 'Add API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API Key' });
  await dialog.getByLabel('Name').fill(name);
  for (const box of await dialog.getByRole('checkbox').all()) await box.setChecked(read.includes((await box.getAttribute('value')) ?? ''));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.locator('#api-key')).not.toHaveValue('');
}

test.describe('Jamf School', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.call('vault.create', { passphrase: PASSPHRASE });
  });

  test('Add API Key → "Save to Keyhold" saves the key with the Network ID and tests it ("Saved · works")', async ({
    context,
    extension,
    mocks,
  }) => {
    const consoles = collectConsoleMessages(context, extension);
    const page = await context.newPage();
    await addKey(page, 'Keyhold asset sync', ['devices']);
    const button = captureButton(page);
    await expect(button).toHaveText('Save to Keyhold');
    await button.click();
    await expect(button).toHaveText('Saved · works');

    const [saved] = await extension.call('credentials.list');
    expect(saved).toMatchObject({ vendor: 'jamf-school', lastTest: { ok: true } });
    const { values } = await extension.call('credentials.reveal', { id: saved.id });
    expect(values).toMatchObject({ baseUrl: SCHOOL_URL, networkId: NETWORK_ID });
    expect(mocks.jamfSchool.key(values.apiKey)?.name).toBe('Keyhold asset sync');
    const calls = mocks.server.requests.filter((r) => r.host === HOST && r.path.startsWith('/api/'));
    expect(calls.every((r) => r.headers['x-server-protocol-version'] === '3' && String(r.headers.authorization).startsWith('Basic '))).toBe(
      true,
    );

    // The popup's console: Jamf School, not Jamf Pro, on a *.jamfcloud.com host.
    const panel = await openSidePanelFor(extension, page, `Jamf School · ${HOST}`);
    await expect(verdictLine(credentialCard(panel, /Jamf School/))).toContainText('Works');
    consoles.expectNoSecret(values.apiKey);
  });

  test('a key without Locations: Read (School answers 405) shows a missing-permission row', async ({ context, extension }) => {
    await extension.call('guide.selectTemplate', { consoleId: 'jamf-school', template: 'inventory' });
    const page = await context.newPage();
    await addKey(page, 'Keyhold sites', ['devices']);
    const button = captureButton(page);
    await button.click();
    await expect(button).toHaveText('Saved · works');
    await expect(button).toHaveAttribute('title', /lacks Locations: Read/);
    const panel = await openSidePanelFor(extension, page, `Jamf School · ${HOST}`);
    expect(await permissionRows(credentialCard(panel, /Jamf School/))).toEqual({ 'Devices: Read': 'granted', 'Locations: Read': 'denied' });
  });

  test('the popup names Jamf School on a School page whose URL alone says nothing (the root)', async ({ context, extension }) => {
    const popup = await extension.open('popup.html');
    const page = await context.newPage();
    await page.goto(`${SCHOOL_URL}/`);
    const tabId = await extension.tabIdOf(page);
    await expect.poll(async () => (await extension.call('console.state', { tabId }))?.consoleId).toBe('jamf-school');
    await popup.reload();
    await expect(popup.getByTestId('console-name')).toHaveText(`Jamf School · ${HOST}`);
  });

  test('a wrong key is refused (401), and a Jamf Pro page on the same domain stays Jamf Pro', async ({ context, extension }) => {
    const { id } = await extension.call('credentials.add', {
      vendor: 'jamf-school',
      values: { baseUrl: SCHOOL_URL, networkId: NETWORK_ID, apiKey: 'WRONGKEYWRONGKEYWRONGKEY00' },
    });
    expect(await extension.call('credentials.test', { id })).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    const page = await context.newPage();
    await page.goto('https://acme.jamfcloud.com/view/settings');
    await openSidePanelFor(extension, page, 'Jamf Pro · acme.jamfcloud.com');
  });
});
