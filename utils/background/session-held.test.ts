// The vault session is held in the worker's memory (issue 14, item 6): requests do not read
// storage.session, and what they see is never more unlocked than storage is.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVaultKeys } from '../vault/vault-crypto';

const vault = await import('./vault-service');

const PASS = 'a long enough passphrase';

/** A vault at the schema's lowest iteration count, unlocked. */
async function unlocked() {
  const { meta } = await createVaultKeys(PASS, { iterations: 100_000 });
  await fakeBrowser.storage.local.set({ vault: meta });
  await vault.unlockVault(PASS);
}

const sessionReads = () => vi.spyOn(fakeBrowser.storage.session, 'get');

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the held vault session', () => {
  it('is read from storage once, then answered from memory', async () => {
    await unlocked();
    await vault.requirePrivateKey(); // attaches the change listener and reads once
    const reads = sessionReads();
    for (let i = 0; i < 5; i++) {
      expect(await vault.isLocked()).toBe(false);
      await vault.requirePrivateKey();
      await vault.touchActivity();
    }
    expect(reads).not.toHaveBeenCalled();
  });

  it('locks at once, from memory, and stays locked', async () => {
    await unlocked();
    await vault.requirePrivateKey();
    const reads = sessionReads();
    await vault.lockVault();
    expect(await vault.isLocked()).toBe(true);
    await expect(vault.requirePrivateKey()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await vault.touchActivity(); // an activity ping after the lock does not bring the session back
    expect(reads).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get('vaultSession')).toEqual({});
  });

  it('a lock that races an activity ping and a read ends locked', async () => {
    await unlocked();
    await Promise.all([vault.touchActivity(), vault.requirePrivateKey(), vault.lockVault(), vault.isLocked()]);
    expect(await vault.isLocked()).toBe(true);
    await expect(vault.requirePrivateKey()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });

  it('is dropped when storage.session changes outside this worker', async () => {
    await unlocked();
    expect(await vault.isLocked()).toBe(false);
    await fakeBrowser.storage.session.remove('vaultSession');
    expect(await vault.isLocked()).toBe(true);
    await expect(vault.requirePrivateKey()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });

  it('is not trusted once its change listener is gone (a reset fake browser)', async () => {
    await unlocked();
    expect(await vault.isLocked()).toBe(false);
    fakeBrowser.reset(); // clears storage without change events
    await expect(vault.requirePrivateKey()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });

  it('a lock whose removal fails answers the storage error and goes by what storage still holds', async () => {
    await unlocked();
    await vault.requirePrivateKey();
    const remove = vi.spyOn(fakeBrowser.storage.session, 'remove').mockRejectedValueOnce(new Error('I/O error'));
    await expect(vault.lockVault()).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
    const reads = sessionReads();
    expect(await vault.isLocked()).toBe(false); // the session is still stored: read again, not assumed
    expect(reads).toHaveBeenCalledWith('vaultSession');
    remove.mockRestore();
    await vault.lockVault();
    expect(await vault.isLocked()).toBe(true);
  });
});
