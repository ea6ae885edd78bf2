import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';
import { AUDIT_PAGE_SIZE, CURRENT_SCHEMA_VERSION } from './storage-schema';
import { planMigrations } from './migrations';

vi.mock('../vendors/registry', () => registryMock);

const { migrateStorage } = await import('../background/migrate-storage');
const { unlockVault } = await import('../background/vault-service');
const { decideRecord, listSummaries, openRecord, refreshMigratedRecords } = await import('../background/credential-store');
const { listUnconfirmed } = await import('../background/unconfirmed');

/** Records from before the vault's MAC are shown once for the admin to keep, then open. */
async function keepMigrated(id: string) {
  await expect(openRecord(id)).rejects.toMatchObject({ code: 'UNCONFIRMED_CHANGE' });
  expect((await listUnconfirmed()).map((change) => [change.id, change.kind])).toContainEqual([id, 'new']);
  await decideRecord(id, true);
}
const { readAudit } = await import('../background/audit');

const SAMPLE_PASSPHRASE = 'sample passphrase for every version';
const sample = (version: number) =>
  JSON.parse(readFileSync(new URL(`../../tests/unit/storage-samples/v${version}.json`, import.meta.url), 'utf8'));

beforeEach(() => fakeBrowser.reset());

describe('storage migrations, replayed on a stored sample of every version', () => {
  it('has a sample for every version up to the current one', () => {
    for (let version = 1; version <= CURRENT_SCHEMA_VERSION; version++) expect(sample(version)).toBeTruthy();
  });

  it('v1 → current: splits the array, keeps the damaged entry aside, and the record still opens', async () => {
    await fakeBrowser.storage.local.set(sample(1));
    const result = await migrateStorage();
    expect(result).toMatchObject({ from: 1, to: CURRENT_SCHEMA_VERSION, damaged: 1 });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.credentials).toBeUndefined();
    expect(stored.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(stored['damaged:v1:1']).toMatchObject({ label: 'Broken entry' });
    await unlockVault(SAMPLE_PASSPHRASE);
    await refreshMigratedRecords();
    await keepMigrated('v1rec0000000001');
    const [summary] = await listSummaries();
    expect(summary).toMatchObject({ id: 'v1rec0000000001', fields: ['baseUrl', 'clientId', 'clientSecret'] });
    expect((await openRecord('v1rec0000000001')).values.clientSecret).toMatch(/^sample-secret-v1-/);
    expect((await openRecord('v1rec0000000001')).record.needsRefresh).toBeUndefined();
  });

  it('v2 → current: the record still opens; a v2 audit log is split into pages, nothing lost', async () => {
    const log = Array.from({ length: 2 * AUDIT_PAGE_SIZE + 17 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      event: 'tested',
      label: `c${i}`,
    }));
    await fakeBrowser.storage.local.set({ ...sample(2), audit: log });
    expect(await migrateStorage()).toMatchObject({ from: 2, to: CURRENT_SCHEMA_VERSION, damaged: 0 });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, auditPages: [1, 2], audit: { length: 17 } });
    expect(await readAudit()).toEqual(log);
    await unlockVault(SAMPLE_PASSPHRASE);
    await keepMigrated('v2rec0000000001');
    expect((await openRecord('v2rec0000000001')).values.clientSecret).toMatch(/^sample-secret-v2-/);
  });

  it('v3 → v4: the identity index is built from the identities records hold in clear', async () => {
    const v3 = sample(3);
    const record = v3['cred:v2rec0000000001'];
    const identity = 'a'.repeat(64);
    // A record with a known identity (its checksum is left out: it is a v3 record edited here).
    await fakeBrowser.storage.local.set({
      ...v3,
      'cred:v2rec0000000001': { ...record, identity },
      'cred:broken00000001': { id: 'other', identity: 'b'.repeat(64) },
    });
    expect(await migrateStorage()).toMatchObject({ from: 3, to: CURRENT_SCHEMA_VERSION, damaged: 0 });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored[`ident:${identity}`]).toBe('v2rec0000000001');
    expect(stored[`ident:${'b'.repeat(64)}`]).toBeUndefined();
    expect(stored.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('a record without an identity (v3 sample) gets one, and its index entry, at the next unlock', async () => {
    await fakeBrowser.storage.local.set(sample(3));
    await migrateStorage();
    await unlockVault(SAMPLE_PASSPHRASE);
    await refreshMigratedRecords();
    await keepMigrated('v2rec0000000001');
    const { record } = await openRecord('v2rec0000000001');
    expect(record.identity).toMatch(/^[0-9a-f]{64}$/);
    expect((await fakeBrowser.storage.local.get(`ident:${record.identity}`))[`ident:${record.identity}`]).toBe('v2rec0000000001');
  });

  it('v4 (current) is left as it is, and its audit pages read in order', async () => {
    await fakeBrowser.storage.local.set(sample(4));
    const before = await fakeBrowser.storage.local.get(null);
    expect(await migrateStorage()).toMatchObject({ from: 4, to: 4, damaged: 0 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    const entries = await readAudit();
    expect(entries).toHaveLength(AUDIT_PAGE_SIZE + 2);
    expect(entries[0].event).toBe('captured');
    expect(entries.at(-1)?.event).toBe('revealed');
    await unlockVault(SAMPLE_PASSPHRASE);
    await keepMigrated('v2rec0000000001');
    expect((await openRecord('v2rec0000000001')).values.clientSecret).toMatch(/^sample-secret-v2-/);
  });

  it('running twice is harmless, and a newer schema is refused rather than downgraded', async () => {
    await fakeBrowser.storage.local.set(sample(1));
    await migrateStorage();
    const once = await fakeBrowser.storage.local.get(null);
    await migrateStorage();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(once);
    expect(() => planMigrations({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toThrow(
      expect.objectContaining({ code: 'STORAGE_ERROR', message: expect.stringMatching(/newer Keyhold/) }),
    );
  });

  it('a fresh install starts at the current version', () => {
    expect(planMigrations({})).toMatchObject({ from: CURRENT_SCHEMA_VERSION, set: { schemaVersion: CURRENT_SCHEMA_VERSION } });
  });
});
