// A script on the console page (compromised, or a hostile extension's page script) can see and
// reach Keyhold's in-page button, but cannot make it save: only the admin's own click counts.
import { test, expect, PASSPHRASE } from './fixtures';

const CLIENT_URL = 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-clients/3';

test('a page script cannot click “Save to Keyhold” for the admin', async ({ context, extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const page = await context.newPage();
  await page.goto(CLIENT_URL);
  await page.getByRole('button', { name: 'Generate Client Secret' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Create Secret' }).click();
  const save = page.getByRole('button', { name: 'Save to Keyhold' });
  await expect(save).toBeVisible();

  // Every way a page script can click: .click(), a dispatched MouseEvent, a keyboard-looking event.
  const after = await page.evaluate(() => {
    const button = document.querySelector('keyhold-capture')!.shadowRoot!.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new PointerEvent('click', { bubbles: true }));
    // A click that was accepted turns the button to "Saving…" at once, before any await.
    return button.textContent;
  });
  expect(after).toBe('Save to Keyhold');
  expect(await extension.call('credentials.list')).toEqual([]);

  // The admin's own click still saves.
  await save.click();
  await expect(page.getByRole('button', { name: 'Saved · works' })).toBeVisible({ timeout: 30_000 });
  expect(await extension.call('credentials.list')).toHaveLength(1);
});
