// What the worker keeps from storage (the vault session, the credential list, the records it wrote)
// hears changes through one storage.onChanged listener, and drops everything it kept whenever that
// listener was not on (a test's fake browser drops listeners when it resets, as a restart would).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';

vi.mock('../vendors/registry', () => registryMock);

const vault = await import('./vault-service');
const store = await import('./credential-store');
const { createVaultKeys } = await import('../vault/vault-crypto');
const { recordKey } = await import('../vault/storage-schema');

const PASS = 'a long enough passphrase';
const values = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'first-secret-0000' };

async function stored(): Promise<string> {
  const { meta } = await createVaultKeys(PASS, { iterations: 100_000 });
  await fakeBrowser.storage.local.set({ vault: meta });
  await vault.unlockVault(PASS);
  return (await store.addRecord({ vendor: 'jamf-pro', label: 'A', values })).id;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the worker’s storage listener', () => {
  it('is one for the session, the list and the records', async () => {
    const id = await stored();
    // Drop every listener, as a restarted worker starts without them.
    fakeBrowser.storage.onChanged.removeAllListeners();
    const added = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    await vault.isLocked();
    await store.listSummaries();
    await store.openRecord(id);
    expect(added).toHaveBeenCalledTimes(1);
  });

  it('once attached again, nothing kept from before is trusted', async () => {
    const id = await stored();
    await store.openRecord(id);
    // While no listener is on, storage changes unheard: the record is edited, the vault locked.
    fakeBrowser.storage.onChanged.removeAllListeners();
    const raw = (await fakeBrowser.storage.local.get(recordKey(id)))[recordKey(id)] as Record<string, unknown>;
    await fakeBrowser.storage.local.set({ [recordKey(id)]: { ...raw, label: 'Edited unheard' } });
    await fakeBrowser.storage.session.clear();
    expect(await vault.isLocked()).toBe(true);
    await expect(store.readRecord(id)).rejects.toMatchObject({ code: 'CORRUPTED_RECORD' });
    expect((await store.listSummaries())[0]).toMatchObject({ corrupted: true });
  });
});
