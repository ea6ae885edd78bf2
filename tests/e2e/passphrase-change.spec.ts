// Issue #19, item 5, in real Chromium: a passphrase change rotates the vault key pair and re-seals
// every record in one transaction (utils/background/rekey.ts). The browser kills the service worker
// half-way through the re-sealing (and again half-way through the unlock that resumes it): nothing is
// lost, the new passphrase opens every credential, the old one opens nothing, and the old key pair
// cannot open what is captured after the change. No test hook: enough records make the re-sealing
// last long enough, and the journal (written just before it starts) says when it has started.
import type { Page } from '@playwright/test';
import { test, expect, PASSPHRASE, type ExtensionHandle } from './fixtures';
import { open, unwrapPrivateKey, type VaultMeta } from '../../utils/vault/vault-crypto';

const OLD = PASSPHRASE;
const NEW = 'a brand new passphrase after the leak';
// Re-sealing one record takes a few milliseconds (one ECDH open, one ECDH seal, a MAC): 150 records
// keep the worker busy for far longer than the CDP round trip that stops it.
const COUNT = 150;

const valuesOf = (n: number) => ({
  baseUrl: 'https://acme.jamfcloud.com',
  clientId: `0b9a7c4e-6d1f-4f7a-9c1e-${n.toString(16).padStart(12, '0')}`,
  clientSecret: `Zx9_secret-value-${n}-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklm`,
});

type Stored = Record<string, unknown> & { vault: VaultMeta; rekey?: unknown };

async function storedItems(page: Page): Promise<Stored> {
  return page.evaluate(() => chrome.storage.local.get(null)) as Promise<Stored>;
}

/**
 * Send a request from `page` without waiting for its reply, and resolve once `storage.local` key
 * `key` changes (set or removed): the worker has reached that point of the request.
 */
async function sendUntilStorageChanges(page: Page, type: string, payload: unknown, key: string): Promise<void> {
  await page.evaluate(
    ([type, payload, key]) =>
      new Promise<void>((resolve) => {
        chrome.storage.local.onChanged.addListener(function reached(changes) {
          if (!(key in changes)) return;
          chrome.storage.local.onChanged.removeListener(reached);
          resolve();
        });
        // The reply never comes (the worker dies first): it is not awaited.
        void chrome.runtime.sendMessage({ type, payload }).catch(() => undefined);
      }),
    [type, payload, key] as const,
  );
}

async function killWorker(extension: ExtensionHandle): Promise<void> {
  await extension.stopServiceWorker();
}

test('a passphrase change survives a worker killed half-way, twice', async ({ extension }) => {
  test.setTimeout(240_000);
  await extension.call('vault.create', { passphrase: OLD });
  const ids: string[] = [];
  for (let n = 0; n < COUNT; n++) {
    ids.push((await extension.call('credentials.add', { vendor: 'jamf-pro', label: `Jamf ${n}`, values: valuesOf(n) })).id);
  }
  const page = await extension.open('options.html');
  const before = await storedItems(page);

  // 1. Killed while re-sealing: the journal is written, nothing else is.
  await sendUntilStorageChanges(page, 'vault.changePassphrase', { current: OLD, next: NEW }, 'rekey');
  await killWorker(extension);
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // a worker still running would commit meanwhile
  const interrupted = await storedItems(page);
  expect(interrupted.rekey, 'the change was interrupted before its commit').toBeDefined();
  expect(interrupted.vault).toEqual(before.vault);
  for (const id of ids) expect(interrupted[`cred:${id}`]).toEqual(before[`cred:${id}`]);
  // The woken worker holds the vault as it was (the change did not happen), still unlocked.
  expect((await extension.call('vault.status')).state).toBe('unlocked');
  expect((await extension.call('credentials.reveal', { id: ids[7] })).values).toEqual(valuesOf(7));
  await extension.call('vault.lock');

  // 2. Killed again while the unlock with the new passphrase finishes the change. A wrong try first,
  // so the successful unlock removes the failure count: the signal that it has started re-sealing.
  expect((await extension.send('vault.unlock', { passphrase: 'not the passphrase at all' })).ok).toBe(false);
  await sendUntilStorageChanges(page, 'vault.unlock', { passphrase: NEW }, 'unlockGuard');
  await killWorker(extension);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const again = await storedItems(page);
  expect(again.rekey, 'the resumed change was interrupted before its commit').toBeDefined();
  expect(again.vault).toEqual(before.vault);
  // Not unlocked with a key the vault does not hold yet: locked, every record as it was.
  expect((await extension.call('vault.status')).state).toBe('locked');
  for (const id of ids) expect(again[`cred:${id}`]).toEqual(before[`cred:${id}`]);

  // 3. The next unlock with the new passphrase finishes it.
  await extension.call('vault.unlock', { passphrase: NEW });
  const after = await storedItems(page);
  expect(after.rekey).toBeUndefined();
  expect(after.vault.publicJwk.x).not.toBe(before.vault.publicJwk.x);
  for (const [n, id] of ids.entries()) {
    expect((await extension.call('credentials.reveal', { id })).values, `credential ${n}`).toEqual(valuesOf(n));
  }
  expect((await extension.call('vault.unconfirmed')).length, 'every record still confirmed').toBe(0);

  // 4. The old passphrase no longer opens the vault.
  await extension.call('vault.lock');
  const old = await extension.send('vault.unlock', { passphrase: OLD });
  expect(old.ok).toBe(false);
  if (!old.ok) expect(old.error.code).toBe('WRONG_PASSPHRASE');
  await extension.call('vault.unlock', { passphrase: NEW });

  // 5. An old profile backup plus the old passphrase opens nothing stored after the change.
  const later = await extension.call('credentials.add', { vendor: 'jamf-pro', label: 'After the change', values: valuesOf(COUNT) });
  const now = await storedItems(page);
  const oldKey = await unwrapPrivateKey(before.vault, OLD);
  for (const id of [later.id, ids[0], ids[COUNT - 1]]) {
    const record = now[`cred:${id}`] as { sealed: string };
    await expect(open(record.sealed, oldKey, { id, vendor: 'jamf-pro' }), id).rejects.toMatchObject({ code: 'CORRUPTED_RECORD' });
  }
  expect((await extension.call('credentials.reveal', { id: later.id })).values).toEqual(valuesOf(COUNT));
});
