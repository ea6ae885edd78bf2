// Issue #17: the list searches a credential's client ID, which its summary carries in clear (from
// the field its type marks `publicId`), and never a secret, which no summary holds.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { matchesQuery } from '@/components/credential-list-model';
import { credentialTypes } from '../vendors/registry';
import { withChecksum } from '../vault/integrity';

const vault = await import('./vault-service');
const store = await import('./credential-store');
const { createVaultKeys } = await import('../vault/vault-crypto');

const PASS = 'the passphrase of this test';
/** A distinct value for every field of a type (no format checks on this path). */
const valuesOf = (type: (typeof credentialTypes)[number], n: number) =>
  Object.fromEntries(type.fields.map((field) => [field.name, `${field.name}-${type.id}-${n}-Q7xZ`]));

beforeEach(async () => {
  fakeBrowser.reset();
  const { meta } = await createVaultKeys(PASS, { iterations: 100_000 });
  await fakeBrowser.storage.local.set({ vault: meta });
  await vault.unlockVault(PASS);
});

describe('searching credentials by client ID', () => {
  it('every type: the summary carries its public ID, search finds it, and no secret value matches', async () => {
    for (const [n, type] of credentialTypes.entries()) {
      const values = valuesOf(type, n);
      const { id } = await store.addRecord({ vendor: type.id, label: `Credential ${n}`, values });
      const summary = (await store.listSummaries()).find((item) => item.id === id)!;
      const publicId = type.fields.find((field) => field.publicId);
      expect(summary.clientId, type.id).toBe(publicId ? values[publicId.name] : undefined);
      if (publicId) expect(matchesQuery(summary, values[publicId.name].toUpperCase()), type.id).toBe(true);
      for (const field of type.fields.filter((f) => f.secret)) {
        expect(JSON.stringify(summary), `${type.id}.${field.name} in its summary`).not.toContain(values[field.name]);
        expect(matchesQuery(summary, values[field.name]), `${type.id}.${field.name} found by search`).toBe(false);
      }
    }
  }, 30_000);

  it('a capture while locked carries it too; an update while unlocked keeps it current', async () => {
    const jamf = credentialTypes.find((type) => type.id === 'jamf-pro')!;
    await vault.lockVault();
    const { id } = await store.addRecord({ vendor: 'jamf-pro', values: valuesOf(jamf, 1) });
    expect((await store.listSummaries())[0].clientId).toBe('clientId-jamf-pro-1-Q7xZ');
    await vault.unlockVault(PASS);
    await store.updateRecord(id, { clientId: 'renamed-client' });
    expect((await store.listSummaries())[0].clientId).toBe('renamed-client');
  }, 30_000);

  it('a record stored before client IDs were kept gets its client ID at the next unlock', async () => {
    const jamf = credentialTypes.find((type) => type.id === 'jamf-pro')!;
    const { id } = await store.addRecord({ vendor: 'jamf-pro', values: valuesOf(jamf, 2) });
    const {
      clientId: _older,
      check: _checksum,
      ...older
    } = (await fakeBrowser.storage.local.get(`cred:${id}`))[`cred:${id}`] as Record<string, unknown>;
    await fakeBrowser.storage.local.set({ [`cred:${id}`]: await withChecksum(older) });
    expect((await store.listSummaries())[0].clientId).toBeUndefined();
    await store.refreshMigratedRecords();
    expect((await store.listSummaries())[0].clientId).toBe('clientId-jamf-pro-2-Q7xZ');
    expect((await store.openRecord(id)).values.clientId).toBe('clientId-jamf-pro-2-Q7xZ'); // still confirmed
  }, 30_000);
});
