// A damaged vault key record in the real extension: the popup says so instead of "wrong
// passphrase", and the options page offers what can still be recovered, exporting the readable
// values to an ordinary hand-off file.
import fs from 'node:fs';
import { test, expect, PASSPHRASE } from './fixtures';
import { decryptHandoff } from '../../utils/handoff/handoff';

const FILE_PASSPHRASE = 'a passphrase for the rescued file';
const values = { baseUrl: 'https://acme.jamfcloud.com', clientId: '0b9a7c4e-6d1f-4f7a-9c1e-2f3a4b5c6d7e', clientSecret: 'Zx9_secret-value-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklm' };

test('a damaged vault key record is reported as such, and the options page exports what is still readable', async ({ extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  await extension.call('credentials.add', { vendor: 'jamf-pro', values });
  await extension.call('vault.lock');

  // Damage the stored public half of the vault key (one character), as a bad disk sector would.
  const options = await extension.open('options.html');
  await options.evaluate(async () => {
    const { vault } = (await chrome.storage.local.get('vault')) as { vault: { publicJwk: { x: string } } };
    const x = vault.publicJwk.x;
    await chrome.storage.local.set({ vault: { ...vault, publicJwk: { ...vault.publicJwk, x: (x[0] === 'A' ? 'B' : 'A') + x.slice(1) } } });
  });
  expect(await extension.call('vault.status')).toMatchObject({ state: 'locked', damaged: true });

  // The popup's unlock names the damage, not the passphrase, and points to the options page.
  const popup = await extension.open('popup.html');
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toContainText('key record is damaged');
  await expect(popup.getByRole('alert')).toContainText('Options');

  // The options page explains what can be recovered and exports it.
  await options.reload();
  const section = options.getByRole('region', { name: 'Damaged vault' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('alert')).toContainText('will not unlock it or seal new credentials');
  await section.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await section.getByLabel('Passphrase for the exported file (12 characters or more)').fill(FILE_PASSPHRASE);
  await section.getByRole('button', { name: 'Export what is readable' }).click();
  await expect(section.getByRole('status')).toContainText('Recovered 1 credential.', { timeout: 30_000 });
  const download = options.waitForEvent('download');
  await section.getByRole('button', { name: 'Download the recovered credentials' }).click();
  const file = fs.readFileSync(await (await download).path(), 'utf8');
  const bundle = await decryptHandoff(file, { passphrase: FILE_PASSPHRASE });
  expect(bundle.credentials).toHaveLength(1);
  expect(bundle.credentials[0].values).toEqual(values);
});
