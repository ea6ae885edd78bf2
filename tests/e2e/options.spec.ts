// The options page (auto-lock, passphrase, deletion) and the add-by-hand form, driven like an admin.
import { test, expect, PASSPHRASE } from './fixtures';

test('options: auto-lock minutes, change passphrase, delete the vault with a typed confirmation', async ({ extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  await extension.call('credentials.add', { vendor: 'iru', values: { apiUrl: 'https://acme.api.kandji.io', token: '8c1b7f2e-4d3a-4b5c-9e6f-7a8b9c0d1e2f' } });
  const options = await extension.open('options.html');

  await options.getByLabel('Lock after this many idle minutes').fill('5');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByText('the vault locks after 5 idle minutes')).toBeVisible();
  expect((await extension.call('settings.get')).autoLockMinutes).toBe(5);

  await options.getByLabel('Current passphrase').fill('wrong passphrase entirely');
  await options.getByLabel('New passphrase (12 characters or more)').fill('a brand new passphrase');
  await options.getByLabel('Repeat the new passphrase').fill('a brand new passphrase');
  await options.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(options.getByText('That passphrase does not open this vault.')).toBeVisible();
  await options.getByLabel('Current passphrase').fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(options.getByText('Passphrase changed.')).toBeVisible({ timeout: 30_000 });
  await extension.call('vault.lock');
  expect((await extension.send('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(false);
  expect((await extension.send('vault.unlock', { passphrase: 'a brand new passphrase' })).ok).toBe(true);
  expect(await extension.call('credentials.list')).toHaveLength(1);

  const remove = options.getByRole('button', { name: 'Delete vault' });
  await expect(remove).toBeDisabled();
  await options.getByLabel('Type DELETE to confirm').fill('delete');
  await expect(remove).toBeDisabled();
  await options.getByLabel('Type DELETE to confirm').fill('DELETE');
  await remove.click();
  await expect(options.getByText('The vault and every credential in it were deleted.')).toBeVisible();
  expect((await extension.call('vault.status')).state).toBe('new');
  expect(await extension.call('credentials.list')).toHaveLength(0);
  // The audit log survives the deletion and says what happened.
  expect((await extension.call('audit.list')).map((e) => e.event)).toEqual(expect.arrayContaining(['vault-created', 'passphrase-changed', 'vault-deleted']));
});

test('add by hand: a pasted value that names its vendor preselects it, and bad values are refused in words', async ({ extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const panel = await extension.open('sidepanel.html');
  await panel.getByRole('button', { name: 'Add a credential by hand' }).click();
  const form = panel.getByRole('form', { name: 'Add a credential by hand' });
  await expect(form.getByLabel('Vendor')).toHaveValue('jamf-pro');
  const key = `jca_${'a1B2c3D4e5'.repeat(3)}z9Y8x7`;
  await form.locator('input').first().fill(key);
  await expect(form.getByLabel('Vendor')).toHaveValue('jumpcloud-api-key');
  await form.getByRole('button', { name: 'Save to vault' }).click();
  // A key works only in its region, and nothing in the key tells which: Keyhold asks.
  await expect(form.getByRole('alert')).toContainText('Choose the JumpCloud region');
  await form.getByLabel('Region').selectOption('us');
  await form.getByRole('button', { name: 'Save to vault' }).click();
  await expect(panel.getByRole('region', { name: 'Credentials' })).toContainText('JumpCloud', { timeout: 10_000 });
  const [stored] = await extension.call('credentials.list');
  expect(stored.vendor).toBe('jumpcloud-api-key');
  expect((await extension.call('credentials.reveal', { id: stored.id })).values.apiKey).toBe(key);

  await panel.getByRole('button', { name: 'Add a credential by hand' }).click();
  await form.getByLabel('Vendor').selectOption('iru');
  await form.getByLabel('API URL', { exact: true }).fill('https://acme.api.kandji.io');
  await form.getByLabel('API token', { exact: true }).fill('not-a-uuid');
  await form.getByRole('button', { name: 'Save to vault' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByRole('alert')).not.toContainText('not-a-uuid');
  expect(await extension.call('credentials.list')).toHaveLength(1);
});
