// The popup looks at the active tab of its window. Playwright does not expose the action popup
// itself, so popup.html is opened first and the console tab after it: the console tab is then the
// window's active tab, exactly what the popup sees when the admin clicks the icon there.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, PASSPHRASE, type ExtensionHandle } from './fixtures';

async function popupOver(context: BrowserContext, extension: ExtensionHandle, url: string): Promise<{ popup: Page; page: Page }> {
  const popup = await extension.open('popup.html');
  const page = await context.newPage();
  await page.goto(url);
  await popup.reload();
  return { popup, page };
}

test('the popup names the console and tenant of the current tab and lists credentials, its console first', async ({ context, extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
  await extension.call('credentials.add', {
    vendor: 'iru',
    label: 'Iru · expiring',
    values: { apiUrl: 'https://acme.api.kandji.io', token: '8c1b7f2e-4d3a-4b5c-9e6f-7a8b9c0d1e2f' },
    expiresAt: soon,
  });
  await extension.call('credentials.add', {
    vendor: 'jamf-pro',
    label: 'Jamf · untested',
    values: { baseUrl: 'https://acme.jamfcloud.com', clientId: '0b9a7c4e-6d1f-4f7a-9c1e-2f3a4b5c6d7e', clientSecret: 'a-secret-value-that-is-long-enough-000000000000000000000000000000' },
  });
  const { popup } = await popupOver(context, extension, 'https://acme.jamfcloud.com/view/settings');
  await expect(popup.getByTestId('console-name')).toHaveText('Jamf Pro · acme.jamfcloud.com');
  await expect(popup.getByText('Vault unlocked')).toBeVisible();
  // Grouped by console and tenant; the console of the current tab (Jamf Pro) comes first, then the
  // rest by urgency.
  const list = popup.getByRole('listbox', { name: 'Credentials' });
  const items = list.getByRole('option');
  await expect(items).toHaveCount(2);
  await expect(list.getByRole('group')).toHaveCount(2);
  await expect(list.getByRole('group').first()).toHaveAccessibleName('Jamf Pro');
  await expect(items.first()).toContainText('Jamf · untested');
  await expect(items.nth(1)).toContainText('Iru · expiring');
  await expect(items.nth(1)).toContainText('expires in');
});
