import { test, expect, PASSPHRASE } from './fixtures';

test('create, lock and unlock the vault through the popup', async ({ extension }) => {
  const popup = await extension.open('popup.html');
  await expect(popup.getByRole('form', { name: 'Create vault' })).toBeVisible();
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByLabel('Repeat passphrase').fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await expect(popup.getByText('Vault unlocked')).toBeVisible({ timeout: 30_000 });

  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect(popup.getByRole('form', { name: 'Unlock vault' })).toBeVisible();

  await popup.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toContainText('does not open this vault');
  expect((await extension.call('vault.status')).state).toBe('locked');

  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByText('Vault unlocked')).toBeVisible({ timeout: 30_000 });
});

test('stopping the service worker keeps the vault unlocked and its credentials readable', async ({ extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const { id } = await extension.call('credentials.add', {
    vendor: 'jamf-pro',
    values: { baseUrl: 'https://acme.jamfcloud.com', clientId: '0b9a7c4e-6d1f-4f7a-9c1e-2f3a4b5c6d7e', clientSecret: 'Zx9_secret-value-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklm' },
  });
  await extension.stopServiceWorker();
  // The next message wakes a fresh worker; the session key survived in storage.session.
  expect((await extension.call('vault.status')).state).toBe('unlocked');
  const { values } = await extension.call('credentials.reveal', { id });
  expect(values.clientId).toBe('0b9a7c4e-6d1f-4f7a-9c1e-2f3a4b5c6d7e');
});

test('requests that are not in the protocol are refused with INVALID_INPUT and change nothing', async ({ extension }) => {
  const reply = await extension.send('vault.create' as never, { passphrase: 'short' });
  expect(reply.ok).toBe(false);
  if (!reply.ok) expect(reply.error.code).toBe('INVALID_INPUT');
  const unknown = await extension.send('vault.explode' as never, {});
  expect(unknown.ok).toBe(false);
  expect((await extension.call('vault.status')).state).toBe('new');
});
