// Issue 19, items 6–10: each test failed on the code before its fix.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';
import { consoleTab, pageSender, PASS, self } from '../../tests/unit/support/router-senders';

vi.mock('../vendors/registry', () => registryMock);

const { routeMessage } = await import('./router');
const vault = await import('./vault-service');
const store = await import('./credential-store');
const { rollback } = await import('./lifecycle');
const { createVaultKeys } = await import('../vault/vault-crypto');

const page = pageSender('options.html');
const values = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'first-secret-0000' };
const send = (type: string, payload?: unknown, sender: object = page) => routeMessage({ type, payload }, sender as never, self);
const capture = (secret: string) => send('capture.submit', { vendor: 'jamf-pro', values: { ...values, clientSecret: secret } }, consoleTab);

/** A vault at the schema's lowest iteration count, so the many unlocks below stay quick. */
async function quickVault() {
  const { meta } = await createVaultKeys(PASS, { iterations: 100_000 });
  await fakeBrowser.storage.local.set({ vault: meta });
  await vault.unlockVault(PASS);
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
});

describe('item 6: locked updates are never refused for a cap, and are folded at every unlock', () => {
  it('takes 30 locked captures of one credential, and the next unlock folds them', async () => {
    await quickVault();
    await capture('first-secret-0000');
    const stored = (await store.listRecords())[0];
    await vault.lockVault();
    for (let i = 1; i <= 30; i++) {
      expect(await capture(`locked-secret-${String(i).padStart(4, '0')}`), `capture ${i}`).toMatchObject({
        ok: true,
        data: { id: stored.id },
      });
    }
    await send('vault.unlock', { passphrase: PASS });
    const record = await store.readRecord(stored.id);
    expect(record.patches?.length ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('item 7: saving a value the credential already holds is not a rotation', () => {
  it('the same new secret saved twice while locked still rolls back to the old one', async () => {
    await quickVault();
    const first = (await capture('first-secret-0000')) as { data: { id: string } };
    await vault.lockVault();
    await capture('second-secret-0000');
    await capture('second-secret-0000'); // a retry
    await send('vault.unlock', { passphrase: PASS });
    expect(await send('vault.confirm', { decisions: [{ id: first.data.id, keep: true }] })).toMatchObject({ ok: true, data: { kept: 1 } });
    await rollback(first.data.id);
    expect((await store.openRecord(first.data.id)).values.clientSecret).toBe('first-secret-0000');
  });

  it('saving the stored secret again, unlocked, through credentials.update, keeps the previous secret of the real rotation', async () => {
    await quickVault();
    const first = (await capture('first-secret-0000')) as { data: { id: string } };
    await send('credentials.update', { id: first.data.id, values: { clientSecret: 'second-secret-0000' } });
    await send('credentials.update', { id: first.data.id, values: { clientSecret: 'second-secret-0000' } });
    await rollback(first.data.id);
    expect((await store.openRecord(first.data.id)).values.clientSecret).toBe('first-secret-0000');
  });

  it('keeps the previous secret for the whole 7 days after a later non-rotating update', async () => {
    await quickVault();
    const first = (await capture('first-secret-0000')) as { data: { id: string } };
    await capture('second-secret-0000');
    const keepUntil = (await store.readRecord(first.data.id)).previous?.keepUntil;
    await capture('second-secret-0000');
    expect((await store.readRecord(first.data.id)).previous?.keepUntil).toBe(keepUntil);
    await rollback(first.data.id, new Date(Date.parse(keepUntil!) - 60_000));
    expect((await store.openRecord(first.data.id)).values.clientSecret).toBe('first-secret-0000');
  });
});

describe('item 8: while locked, only status, unlock, list, capture and add are allowed', () => {
  it('refuses destructive requests with VAULT_LOCKED and changes nothing', async () => {
    await quickVault();
    const { data } = (await capture('first-secret-0000')) as { data: { id: string } };
    const file = (await send('credentials.export', { ids: [data.id], passphrase: 'the file passphrase here' })) as {
      data: { jwe: string };
    };
    await vault.lockVault();
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const [type, payload] of [
      ['credentials.remove', { id: data.id }],
      ['credentials.update', { id: data.id, values: { clientSecret: 'overwritten-0000' } }],
      ['credentials.updateMeta', { id: data.id, label: 'Renamed' }],
      ['credentials.rollback', { id: data.id }],
      ['credentials.import', { jwe: file.data.jwe, passphrase: 'the file passphrase here' }],
      ['settings.update', { autoLockMinutes: 1440 }],
      ['sites.remove', { origin: 'https://jamf.example.com' }],
    ] as const) {
      expect(await send(type, payload), type).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    }
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
    // Still allowed while locked.
    expect(await send('vault.status')).toMatchObject({ ok: true, data: { state: 'locked' } });
    expect(await send('credentials.list')).toMatchObject({ ok: true, data: [{ id: data.id }] });
    expect(await send('credentials.add', { vendor: 'jamf-pro', values: { ...values, clientId: 'client-2' } })).toMatchObject({ ok: true });
    expect(await capture('third-secret-0000')).toMatchObject({ ok: true });
  });

  it('a vault whose passphrase is lost can still be deleted, with its typed confirmation, and the reply says what was lost', async () => {
    await quickVault();
    await capture('first-secret-0000');
    await vault.lockVault();
    expect(await send('vault.delete', { confirm: 'delete' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await send('vault.delete', { confirm: 'DELETE' })).toMatchObject({ ok: true, data: { state: 'new', removed: 1 } });
  });
});

describe('item 10: unlock and lock races', () => {
  it('parallel wrong passphrases cannot get past the back-off', async () => {
    await quickVault();
    await vault.lockVault();
    const now = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => vault.unlockVault('a wrong passphrase here', now)));
    const codes = results.map((result) => (result.status === 'rejected' ? (result.reason as { code: string }).code : 'OK'));
    expect(codes.filter((code) => code === 'WRONG_PASSPHRASE')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
    expect((await fakeBrowser.storage.local.get('unlockGuard')).unlockGuard).toMatchObject({ failures: 5 });
  }, 30_000);

  it('an activity ping racing a lock cannot undo the lock', async () => {
    await quickVault();
    await Promise.all([vault.touchActivity(), vault.lockVault()]);
    expect((await vault.vaultStatus()).state).toBe('locked');
  });
});
