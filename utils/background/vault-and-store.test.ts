import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';

vi.mock('../vendors/registry', () => registryMock);

const { createVault, lockVault, unlockVault, vaultStatus, backoffSeconds } = await import('./vault-service');
const { changePassphrase } = await import('./rekey');
const store = await import('./credential-store');

const PASS = 'a long enough passphrase';
const values = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'secret-number-one-123' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('vault service', () => {
  it('goes new → unlocked → locked → unlocked, keeping the private key only in session storage', async () => {
    expect((await vaultStatus()).state).toBe('new');
    await createVault(PASS);
    expect((await vaultStatus()).state).toBe('unlocked');
    const local = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(local)).not.toMatch(/"d":/);
    const session = await fakeBrowser.storage.session.get(null);
    expect(JSON.stringify(session)).toMatch(/"d":/);
    await lockVault();
    expect((await vaultStatus()).state).toBe('locked');
    // Only the public key's pin stays (to check locked seals against), never the private key.
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['sealingKeyPin']);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toMatch(/"d"/);
    await unlockVault(PASS);
    expect((await vaultStatus()).state).toBe('unlocked');
  });

  it('a wrong passphrase changes nothing but the failure counter', async () => {
    await createVault(PASS);
    await lockVault();
    const before = (await fakeBrowser.storage.local.get('vault')).vault;
    await expect(unlockVault('wrong passphrase here')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((await fakeBrowser.storage.local.get('vault')).vault).toEqual(before);
    expect((await vaultStatus()).state).toBe('locked');
  });

  it('backs off exponentially after five wrong passphrases, capped at a minute', async () => {
    expect([4, 5, 6, 7, 10, 20].map(backoffSeconds)).toEqual([0, 2, 4, 8, 60, 60]);
    await createVault(PASS);
    await lockVault();
    const now = Date.now();
    for (let i = 0; i < 5; i++) await expect(unlockVault('wrong passphrase here', now)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await expect(unlockVault(PASS, now + 500)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfter: 2 });
    expect((await vaultStatus(now + 500)).retryAfter).toBe(2);
    await unlockVault(PASS, now + 2500);
    expect((await vaultStatus()).state).toBe('unlocked');
  });

  it('changes the passphrase (a new key pair, every record re-sealed); sealed records still open', async () => {
    await createVault(PASS);
    const record = await store.addRecord({ vendor: 'jamf-pro', values });
    await changePassphrase(PASS, 'the next long passphrase');
    await lockVault();
    await expect(unlockVault(PASS)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await unlockVault('the next long passphrase');
    expect((await store.openRecord(record.id)).values).toEqual(values);
  });
});

describe('credential store', () => {
  it('keeps no secret in clear metadata', async () => {
    await createVault(PASS);
    const record = await store.addRecord({ vendor: 'jamf-pro', values, source: { url: 'https://acme.fake-console.test/x' } });
    const raw = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(raw).not.toContain(values.clientSecret);
    expect(raw).not.toContain(values.clientId);
    const [summary] = await store.listSummaries();
    expect(summary).toMatchObject({ id: record.id, vendor: 'jamf-pro', fields: ['baseUrl', 'clientId', 'clientSecret'], label: 'Fake · acme.fake-console.test' });
    expect(JSON.stringify(summary)).not.toContain(values.clientSecret);
  });

  it('captures while locked and opens after unlock (locked updates become sealed patches)', async () => {
    await createVault(PASS);
    await lockVault();
    const record = await store.addRecord({ vendor: 'jamf-pro', values });
    await store.updateRecord(record.id, { clientSecret: 'rotated-secret-value-2' }, { rotation: true });
    await expect(store.openRecord(record.id)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await unlockVault(PASS);
    await store.refreshMigratedRecords(); // what vault.unlock does next: fold the locked changes
    // Added while locked: nothing uses it until the admin keeps it; then it holds the last values.
    await expect(store.openRecord(record.id)).rejects.toMatchObject({ code: 'UNCONFIRMED_CHANGE' });
    await store.decideRecord(record.id, true);
    const opened = await store.openRecord(record.id);
    expect(opened.values.clientSecret).toBe('rotated-secret-value-2');
    expect(opened.record.previous).toBeUndefined(); // never confirmed before: not a rotation
  });

  it('flags a corrupted record and keeps every other record working', async () => {
    await createVault(PASS);
    const good = await store.addRecord({ vendor: 'jamf-pro', values });
    const bad = await store.addRecord({ vendor: 'jamf-pro', values: { ...values, clientId: 'client-2' } });
    const raw = (await fakeBrowser.storage.local.get(`cred:${bad.id}`))[`cred:${bad.id}`] as Record<string, unknown>;
    await fakeBrowser.storage.local.set({ [`cred:${bad.id}`]: { ...raw, sealed: 42 } });
    const list = await store.listSummaries();
    expect(list.find((c) => c.id === bad.id)?.corrupted).toBe(true);
    expect(list.find((c) => c.id === good.id)?.corrupted).toBeUndefined();
    await expect(store.openRecord(bad.id)).rejects.toMatchObject({ code: 'CORRUPTED_RECORD' });
    expect((await store.openRecord(good.id)).values).toEqual(values);
  });

  it('finds a credential by its non-secret identity for in-place rotation', async () => {
    await createVault(PASS);
    const record = await store.addRecord({ vendor: 'jamf-pro', values });
    const identity = await store.identityHash('jamf-pro', { ...values, clientSecret: 'another one entirely' });
    expect((await store.findByIdentity('jamf-pro', identity))?.id).toBe(record.id);
  });

  it('keeps the last 20 test results', async () => {
    await createVault(PASS);
    const record = await store.addRecord({ vendor: 'jamf-pro', values });
    for (let i = 0; i < 25; i++) await store.saveTestResult(record.id, { ok: i % 2 === 0, message: `run ${i}`, steps: [] }, i);
    const [summary] = await store.listSummaries();
    expect(summary.history).toHaveLength(20);
    expect(summary.history?.at(-1)?.ms).toBe(24);
    expect(summary.lastTest?.message).toBe('run 24');
  });
});
