import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';
import { consoleTab, pageSender, PASS, self } from '../../tests/unit/support/router-senders';

vi.mock('../vendors/registry', () => registryMock);

const { routeMessage } = await import('./router');
const { readAudit } = await import('./audit');
const vault = await import('./vault-service');
const store = await import('./credential-store');

const page = pageSender('popup.html');
const values = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'captured-secret-123' };
const send = (type: string, payload: unknown, sender: object = page) => routeMessage({ type, payload }, sender as never, self);
const capture = (secret: string, clientId = values.clientId) =>
  send('capture.submit', { vendor: 'jamf-pro', values: { ...values, clientId, clientSecret: secret } }, consoleTab) as Promise<{
    ok: boolean;
    data: { id: string; updated: boolean; rotated: boolean; test: { ok: boolean } };
  }>;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
});

describe('the capture path', () => {
  it('finds the stored credential through the identity index, writes the sealed record once, then result and audit entry together', async () => {
    await send('vault.create', { passphrase: PASS });
    const first = await capture('captured-secret-123');
    expect(first).toMatchObject({ ok: true, data: { updated: false, rotated: false, test: { ok: true } } });
    for (let i = 0; i < 3; i++) await capture(`other-secret-${i}-0000`, `client-other-${i}`);

    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const second = await capture('captured-secret-456');
    expect(second).toMatchObject({ ok: true, data: { id: first.data.id, updated: true, rotated: true } });

    const writes = set.mock.calls.map(([items]) => Object.keys(items as object).sort());
    const recordKey = `cred:${first.data.id}`;
    expect(writes.filter((keys) => keys.includes(recordKey))).toHaveLength(2);
    // The first holds the resealed record (with its index entry), the second the test result with the audit entry.
    expect(writes[0]).toEqual(expect.arrayContaining([recordKey, expect.stringMatching(/^ident:/)]));
    expect(writes[1]).toEqual(expect.arrayContaining([recordKey, 'audit']));
    // Until the badge lists them, no other record is read to find this one.
    const reads = get.mock.calls.map(([keys]) => keys);
    const beforeBadge = reads.slice(
      0,
      reads.findIndex(
        (keys) => keys === null || (Array.isArray(keys) && keys.length > 1 && keys.every((k) => String(k).startsWith('cred:'))),
      ),
    );
    expect(beforeBadge.flat().filter((key) => typeof key === 'string' && key.startsWith('cred:') && key !== recordKey)).toEqual([]);

    expect((await readAudit()).map((entry) => entry.event)).toEqual([
      'vault-created',
      'captured',
      'captured',
      'captured',
      'captured',
      'rotated',
    ]);
    expect((await store.openRecord(first.data.id)).values.clientSecret).toBe('captured-secret-456');
  });

  it('a stale or forged index entry never merges a capture into another credential', async () => {
    await send('vault.create', { passphrase: PASS });
    const a = await capture('captured-secret-123');
    const b = await capture('captured-secret-999', 'client-bbbb');
    const identityA = (await store.readRecord(a.data.id)).identity;
    await fakeBrowser.storage.local.set({ [`ident:${identityA}`]: b.data.id });
    const again = await capture('captured-secret-124');
    expect(again.data.id).not.toBe(b.data.id);
    expect((await store.openRecord(b.data.id)).values.clientSecret).toBe('captured-secret-999');
  });

  it('a refused downgrade is answered with STORAGE_ERROR in plain words, not swallowed', async () => {
    const { prepareStorage } = await import('./migrate-storage');
    await fakeBrowser.storage.local.set({ schemaVersion: 99 });
    const refused = await prepareStorage();
    expect(refused).toMatchObject({ code: 'STORAGE_ERROR', message: expect.stringMatching(/newer Keyhold.*Nothing was changed/) });
    expect((await fakeBrowser.storage.local.get(null)).schemaVersion).toBe(99);
  });

  it('removing a credential removes its index entry; deleting the vault removes the index', async () => {
    await send('vault.create', { passphrase: PASS });
    const a = await capture('captured-secret-123');
    const identity = (await store.readRecord(a.data.id)).identity;
    expect((await fakeBrowser.storage.local.get(`ident:${identity}`))[`ident:${identity}`]).toBe(a.data.id);
    await send('credentials.remove', { id: a.data.id });
    expect(await fakeBrowser.storage.local.get(`ident:${identity}`)).toEqual({});
    await capture('captured-secret-123');
    await vault.lockVault();
    await vault.unlockVault(PASS);
    await send('vault.delete', { confirm: 'DELETE' });
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('ident:'))).toEqual([]);
  });
});
