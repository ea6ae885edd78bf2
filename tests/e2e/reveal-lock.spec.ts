// Issue #19 item 3: a value revealed in the side panel must not outlive the vault's lock. The lock
// comes from another page through the same function auto-lock calls (`lockVault`, behind
// `vault.lock`), so the side panel hears of it only through the background's "changed" signal.
import { test, expect, PASSPHRASE } from './fixtures';

test('a revealed value disappears from every open page when the vault locks, and Hide always works', async ({ extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ host: 'acme.jamfcloud.com' });
  await extension.call('credentials.add', {
    vendor: 'jamf-pro',
    label: 'Jamf · reveal me',
    values: { baseUrl: 'https://acme.jamfcloud.com', clientId: client.clientId, clientSecret: client.clientSecret },
  });

  const secret = client.clientSecret!;
  const panel = await extension.open('sidepanel.html');
  const card = panel.getByRole('article', { name: 'Jamf · reveal me' });
  await card.getByRole('button', { name: 'Reveal' }).click();
  await expect(card.getByText(secret)).toBeVisible();

  // Hide works while unlocked, and Reveal brings the value back.
  await card.getByRole('button', { name: 'Hide values' }).click();
  await expect(panel.getByText(secret)).toHaveCount(0);
  await card.getByRole('button', { name: 'Reveal' }).click();
  await expect(card.getByText(secret)).toBeVisible();

  // Locked from elsewhere (the door page is options.html): the panel forgets at once.
  await extension.call('vault.lock');
  await expect(panel.getByText(secret)).toHaveCount(0, { timeout: 1_500 });
  expect(await panel.content()).not.toContain(secret);
  // Nothing is left to hide, and no "Hide values" button is left disabled.
  const hide = panel.getByRole('button', { name: 'Hide values' });
  if (await hide.count()) await expect(hide).toBeEnabled();
});
