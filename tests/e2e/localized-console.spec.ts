// Recognition beyond English, in real Chromium: a Japanese Jamf Pro secret pop-up (one of
// Keyhold's own fixtures, served by the mock on the real acme.jamfcloud.com host) gets the button,
// and one click saves a credential that works. Then "Report this page" on the same tab: the side
// panel shows the redacted snapshot before anything is saved, and saves it as a file.
import fs from 'node:fs';
import { test, expect, PASSPHRASE } from './fixtures';

const INTEGRATION = 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-integrations';

test('a Japanese Jamf Pro secret pop-up shows "Save to Keyhold", and one click saves a working credential', async ({
  context,
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: ['Read Computers'] });
  const page = await context.newPage();
  await page.goto(`${INTEGRATION}/${client.id}?fixture=ja-dialog-input`);
  await expect(page.getByRole('dialog', { name: 'クライアントシークレット' })).toBeVisible();
  const save = page.getByRole('button', { name: 'Save to Keyhold' });
  await expect(save).toBeVisible();
  await save.click();
  await expect(page.getByRole('button', { name: /^Saved · / })).toHaveText('Saved · works', { timeout: 30_000 });
  const [credential] = await extension.call('credentials.list');
  const { values } = await extension.call('credentials.reveal', { id: credential.id });
  expect(values).toEqual({ baseUrl: 'https://acme.jamfcloud.com', clientId: client.clientId, clientSecret: client.clientSecret });
});

test('"Report this page": the admin sees the redacted snapshot, then saves it; no secret, host or query string in it', async ({
  context,
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: ['Read Computers'] });
  const page = await context.newPage();
  await page.goto(`${INTEGRATION}/${client.id}?fixture=de-dialog-code-icon&session=private-query-value`);
  await expect(page.getByRole('button', { name: 'Save to Keyhold' })).toBeVisible();
  await page.evaluate(() => {
    document.cookie = 'jamf-session=cookie-value-1234';
    localStorage.setItem('jamf-token', 'storage-value-5678');
  });
  const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(page)}`);
  await panel.getByRole('button', { name: 'Report this page' }).click();
  const preview = panel.getByRole('textbox', { name: 'What the report holds' });
  await expect(preview).toBeVisible();
  const text = await preview.inputValue();
  expect(text).toContain('keyholdFieldReport');
  expect(text).toContain('Client-Secret'); // labels stay
  for (const secret of [client.clientId, client.clientSecret!, 'acme', 'private-query-value', 'cookie-value', 'storage-value'])
    expect(text).not.toContain(secret);
  expect(text).toMatch(/<code>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/code>/); // same shape
  expect(text).not.toContain('keyhold-capture'); // not Keyhold's own button

  const downloading = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^keyhold-report-jamf-pro-\d{4}-\d{2}-\d{2}\.html$/);
  expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(text);
});
