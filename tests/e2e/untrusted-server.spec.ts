// A Jamf Pro server that answers with a megabyte version string full of terminal escapes and line
// breaks: in real Chromium, the capture still says "Saved · works" (it used to end in an internal
// error after the credential was stored), and what is stored and shown is one short line.
import { test, expect, PASSPHRASE } from './fixtures';

const CONTROL = /[\0-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

test('a megabyte version string: Saved · works, one short line stored and shown, and later tests work', async ({
  context,
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  mocks.jamf.setVersion(`\u001b]0;owned\u0007\r\n\u202e${'9'.repeat(1024 * 1024)}`);

  // The demo client (id 3) has no secret yet: generate one and save it from the console page.
  const page = await context.newPage();
  await page.goto('https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-clients/3');
  await page.getByRole('button', { name: 'Generate Client Secret' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Create Secret' }).click();
  await page.getByRole('button', { name: 'Save to Keyhold' }).click();
  await expect(page.getByRole('button', { name: 'Saved · works' })).toBeVisible({ timeout: 30_000 });

  const [summary] = await extension.call('credentials.list');
  expect(summary.corrupted).toBeUndefined();
  expect(summary.lastTest).toMatchObject({ ok: true });
  const version = summary.lastTest?.details?.version as string;
  expect(version.length).toBeLessThanOrEqual(100);
  expect(JSON.stringify(summary).length).toBeLessThan(20_000);
  expect(JSON.stringify(summary.lastTest)).not.toMatch(/\\u00(1b|9b)|\\r|\\n|\\u202e/);
  expect(summary.lastTest?.message).not.toMatch(CONTROL);

  // A later test of the same credential: a verdict, not INTERNAL_ERROR.
  const again = await extension.call('credentials.test', { id: summary.id });
  expect(again, again.message).toMatchObject({ ok: true });
  expect(again.message.length).toBeLessThan(400);
});
