// Passphrase guessing in the real popup: five wrong tries are free, then each further try must
// wait (2 s, 4 s, … up to 60 s), and the popup says how long.
import { test, expect, PASSPHRASE } from './fixtures';

test('after five wrong passphrases the popup makes each further try wait, longer each time up to a minute, and says how long', async ({ extension }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  await extension.call('vault.lock');
  const popup = await extension.open('popup.html');
  const field = popup.getByLabel('Passphrase', { exact: true });
  const unlock = popup.getByRole('button', { name: 'Unlock' });
  for (let i = 1; i <= 5; i++) {
    await field.fill(`wrong passphrase number ${i}`);
    await unlock.click();
    await expect(popup.getByRole('alert')).toHaveText('That passphrase does not open this vault.');
    await expect(unlock).toBeEnabled();
  }
  // The sixth try, even with the right passphrase, is refused until the wait is over.
  await field.fill(PASSPHRASE);
  await unlock.click();
  await expect(popup.getByRole('alert')).toHaveText(/^Too many wrong passphrases\. Try again in [12] s\.$/);
  expect((await extension.call('vault.status')).state).toBe('locked');

  // Each further failure doubles the wait, up to a minute, and a freshly opened popup shows it.
  // (The failure count is set directly, so the test need not sit through the real waits.)
  const again = await extension.open('popup.html');
  const setFailures = (failures: number, agoMs = 0) =>
    again.evaluate(([count, ago]) => chrome.storage.local.set({ unlockGuard: { failures: count, lastFailureAt: Date.now() - ago } }), [failures, agoMs] as const);
  for (const [failures, wait] of [
    [7, 8],
    [9, 32],
    [20, 60],
  ] as const) {
    await setFailures(failures);
    await again.reload();
    await expect(again.getByRole('status')).toHaveText(new RegExp(`^Too many wrong passphrases: wait (${wait}|${wait - 1}) s before the next try\\.$`));
  }

  // Once the wait is over, the right passphrase opens the vault and the count starts again.
  await setFailures(20, 61_000);
  await again.reload();
  await again.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await again.getByRole('button', { name: 'Unlock' }).click();
  await expect(again.getByText('Vault unlocked')).toBeVisible({ timeout: 30_000 });
  expect(await again.evaluate(() => chrome.storage.local.get('unlockGuard'))).toEqual({});
});
