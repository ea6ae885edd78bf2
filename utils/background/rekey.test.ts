// Issue 19, item 5: a passphrase change rotates the vault key pair and re-seals every record, in one
// transaction, and an interrupted change is finished by the next unlock with the new passphrase.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';

vi.mock('../vendors/registry', () => registryMock);

const vault = await import('./vault-service');
const store = await import('./credential-store');
const { changePassphrase, unlockAndResume } = await import('./rekey');
const { createVaultKeys, open, unwrapPrivateKey } = await import('../vault/vault-crypto');

const OLD = 'the old and leaked passphrase';
const NEW = 'the brand new passphrase here';
const values = (n: number) => ({
  baseUrl: 'https://acme.fake-console.test',
  clientId: `client-${n}`,
  clientSecret: `secret-number-${n}-000`,
});

async function vaultWithRecords(count: number) {
  const { meta } = await createVaultKeys(OLD, { iterations: 100_000 });
  await fakeBrowser.storage.local.set({ vault: meta });
  await vault.unlockVault(OLD);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await store.addRecord({ vendor: 'jamf-pro', values: values(i) })).id);
  return ids;
}

beforeEach(() => fakeBrowser.reset());

describe('changing the passphrase', () => {
  it('rotates the key pair: an old backup plus the old passphrase opens nothing stored after the change', async () => {
    const [id] = await vaultWithRecords(2);
    const backup = await fakeBrowser.storage.local.get(null);
    await changePassphrase(OLD, NEW);
    const after = (await fakeBrowser.storage.local.get('vault')).vault as { publicJwk: { x: string } };
    expect(after.publicJwk.x).not.toBe((backup.vault as { publicJwk: { x: string } }).publicJwk.x);
    // Every record re-sealed and still opens with the new key.
    expect((await store.openRecord(id)).values).toEqual(values(0));
    const later = await store.addRecord({ vendor: 'jamf-pro', values: values(9) });
    // The attacker: the old key record from the backup, the old passphrase, today's records.
    const oldKey = await unwrapPrivateKey(backup.vault as never, OLD);
    await expect(open(later.sealed, oldKey, { id: later.id, vendor: 'jamf-pro' })).rejects.toMatchObject({ code: 'CORRUPTED_RECORD' });
    const resealed = await store.readRecord(id);
    await expect(open(resealed.sealed, oldKey, { id, vendor: 'jamf-pro' })).rejects.toMatchObject({ code: 'CORRUPTED_RECORD' });
    await vault.lockVault();
    await expect(vault.unlockVault(OLD)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await unlockAndResume(NEW);
    expect((await store.openRecord(later.id)).values).toEqual(values(9));
  }, 30_000);

  it('a worker that dies half-way leaves the vault as it was; the next unlock with the new passphrase finishes it', async () => {
    const ids = await vaultWithRecords(3);
    const before = await fakeBrowser.storage.local.get(null);
    await expect(
      changePassphrase(OLD, NEW, {
        afterRecord: (done) => {
          if (done === 2) throw new Error('worker stopped');
        },
      }),
    ).rejects.toThrow('worker stopped');
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.rekey).toBeDefined();
    for (const id of ids) expect(stored[`cred:${id}`]).toEqual(before[`cred:${id}`]);
    expect(stored.vault).toEqual(before.vault);
    await vault.lockVault(); // the worker restarts: no session
    await unlockAndResume(NEW);
    expect((await fakeBrowser.storage.local.get(null)).rekey).toBeUndefined();
    for (const [i, id] of ids.entries()) expect((await store.openRecord(id)).values).toEqual(values(i));
    await vault.lockVault();
    await expect(vault.unlockVault(OLD)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  }, 30_000);

  it('a worker that dies while the next unlock finishes the change leaves the vault locked, not open with a key it does not hold yet', async () => {
    const ids = await vaultWithRecords(2);
    await changePassphrase(OLD, NEW, {
      afterRecord: () => {
        throw new Error('worker stopped');
      },
    }).catch(() => undefined);
    await vault.lockVault();
    await expect(
      unlockAndResume(NEW, {
        afterRecord: () => {
          throw new Error('worker stopped again');
        },
      }),
    ).rejects.toThrow('worker stopped again');
    // Unlocked with the new key while the records are still sealed to the old one, every reveal
    // would answer CORRUPTED_RECORD and every capture VAULT_DAMAGED.
    expect((await vault.vaultStatus()).state).toBe('locked');
    await unlockAndResume(NEW);
    for (const [i, id] of ids.entries()) expect((await store.openRecord(id)).values).toEqual(values(i));
    expect((await store.addRecord({ vendor: 'jamf-pro', values: values(7) })).id).toBeTruthy();
  }, 30_000);

  it('a worker that dies between the commit and the new session wakes locked, not open with the old key', async () => {
    const ids = await vaultWithRecords(2);
    const died = new Error('worker stopped after the commit');
    await expect(
      changePassphrase(OLD, NEW, {
        afterCommit: () => {
          throw died;
        },
      }),
    ).rejects.toBe(died);
    vi.resetModules(); // a new worker: nothing in memory, storage.session as the old one left it
    const woken = await import('./vault-service');
    const wokenStore = await import('./credential-store');
    // Open with a key the records are no longer sealed to, every reveal would be CORRUPTED_RECORD.
    expect((await woken.vaultStatus()).state).toBe('locked');
    await (await import('./rekey')).unlockAndResume(NEW);
    for (const [i, id] of ids.entries()) expect((await wokenStore.openRecord(id)).values).toEqual(values(i));
  }, 30_000);

  it('after an interrupted change the old passphrase still opens the vault as it was, and the change is dropped', async () => {
    const [id] = await vaultWithRecords(2);
    await changePassphrase(OLD, NEW, {
      afterRecord: () => {
        throw new Error('worker stopped');
      },
    }).catch(() => undefined);
    await vault.lockVault();
    await unlockAndResume(OLD);
    expect((await fakeBrowser.storage.local.get(null)).rekey).toBeUndefined();
    expect((await store.openRecord(id)).values).toEqual(values(0));
  }, 30_000);

  it('a capture waits for the re-sealing and is sealed to the new key', async () => {
    const [id] = await vaultWithRecords(1);
    const change = changePassphrase(OLD, NEW);
    const added = store.addRecord({ vendor: 'jamf-pro', values: values(5) });
    const updated = store.updateRecord(id, { clientSecret: 'secret-changed-during' }, { rotation: 'auto' });
    await Promise.all([change, added, updated]);
    expect((await store.openRecord((await added).id)).values).toEqual(values(5));
    expect((await store.openRecord(id)).values.clientSecret).toBe('secret-changed-during');
  }, 30_000);
});
