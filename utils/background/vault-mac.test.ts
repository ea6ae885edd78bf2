// Issue 19, item 4: what the vault holds is authenticated. Each forgery below went through before:
// a patch or record sealed to the public key by anything that can write the profile was used as is.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';
import { consoleTab, pageSender, PASS, self } from '../../tests/unit/support/router-senders';

vi.mock('../vendors/registry', () => registryMock);

const { routeMessage } = await import('./router');
const vault = await import('./vault-service');
const store = await import('./credential-store');
const { withChecksum } = await import('../vault/integrity');
const { createVaultKeys, seal } = await import('../vault/vault-crypto');

const page = pageSender('sidepanel.html');
const values = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'first-secret-0000' };
const send = (type: string, payload?: unknown, sender: object = page) => routeMessage({ type, payload }, sender as never, self);

type Stored = Record<string, unknown> & { sealed: string; patches?: string[]; previous?: Record<string, unknown> };
async function tamper(id: string, change: (record: Stored, publicJwk: object) => Promise<Stored>) {
  const key = `cred:${id}`;
  const { vault: meta } = (await fakeBrowser.storage.local.get('vault')) as { vault: { publicJwk: object } };
  const record = (await fakeBrowser.storage.local.get(key))[key] as Stored;
  await fakeBrowser.storage.local.set({ [key]: await withChecksum(await change(structuredClone(record), meta.publicJwk)) });
}

let id = '';
beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
  const { meta } = await createVaultKeys(PASS, { iterations: 100_000 });
  await fakeBrowser.storage.local.set({ vault: meta });
  await vault.unlockVault(PASS);
  id = (await store.addRecord({ vendor: 'jamf-pro', values, source: { url: 'https://acme.fake-console.test/clients/1' } })).id;
});

describe('the vault authenticates what it holds', () => {
  it('a forged patch (baseUrl → a collector) is never used, and is shown for the admin to discard', async () => {
    await vault.lockVault();
    await tamper(id, async (record, publicJwk) => ({
      ...record,
      patches: [await seal({ baseUrl: 'https://collector.example' }, publicJwk, { id, vendor: 'jamf-pro' })],
    }));
    await send('vault.unlock', { passphrase: PASS });
    const copied = await send('credentials.copyAs', { id, format: 'curl' });
    expect(JSON.stringify(copied)).not.toContain('collector');
    expect((await store.openRecord(id)).values.baseUrl).toBe(values.baseUrl);
    expect(await send('vault.unconfirmed')).toMatchObject({ ok: true, data: [{ id, kind: 'update', fields: ['baseUrl'], secret: false }] });
    expect(await send('vault.confirm', { decisions: [{ id, keep: false }] })).toMatchObject({ ok: true, data: { discarded: 1 } });
    expect(await send('vault.unconfirmed')).toMatchObject({ ok: true, data: [] });
    expect((await store.readRecord(id)).patches).toBeUndefined();
  });

  it('a record forged into storage is refused until kept, and discarding removes it', async () => {
    const forged = 'forgedrecord0001';
    const record = { ...(await store.readRecord(id)), id: forged, label: 'Looks legit', identity: '' };
    delete (record as { mac?: string }).mac;
    record.sealed = await seal(
      { ...values, baseUrl: 'https://collector.example' },
      ((await fakeBrowser.storage.local.get('vault')).vault as { publicJwk: object }).publicJwk,
      { id: forged, vendor: 'jamf-pro' },
    );
    await fakeBrowser.storage.local.set({ [`cred:${forged}`]: await withChecksum(record) });
    expect(await send('credentials.reveal', { id: forged })).toMatchObject({ ok: false, error: { code: 'UNCONFIRMED_CHANGE' } });
    expect(await send('credentials.test', { id: forged })).toMatchObject({ ok: false, error: { code: 'UNCONFIRMED_CHANGE' } });
    expect(await send('vault.unconfirmed')).toMatchObject({ ok: true, data: [{ id: forged, kind: 'new', label: 'Looks legit' }] });
    await send('vault.confirm', { decisions: [{ id: forged, keep: false }] });
    expect((await store.listRecords()).map((r) => r.id)).toEqual([id]);
  });

  it('a label or identity changed outside Keyhold (checksum recomputed) is caught as altered', async () => {
    await tamper(id, async (record) => ({ ...record, label: 'Production (safe to share)' }));
    expect(await send('credentials.reveal', { id })).toMatchObject({ ok: false, error: { code: 'UNCONFIRMED_CHANGE' } });
    expect(await send('vault.unconfirmed')).toMatchObject({ ok: true, data: [{ id, kind: 'altered' }] });
  });

  it('a forged roll-back copy is never restored', async () => {
    await tamper(id, async (record, publicJwk) => ({
      ...record,
      previous: {
        sealed: await seal({ ...values, baseUrl: 'https://collector.example' }, publicJwk, { id, vendor: 'jamf-pro' }),
        replacedAt: new Date().toISOString(),
        keepUntil: new Date(Date.now() + 86_400_000).toISOString(),
      },
    }));
    expect(await send('credentials.rollback', { id })).toMatchObject({ ok: false, error: { code: 'UNCONFIRMED_CHANGE' } });
    expect((await store.openRecord(id)).values.baseUrl).toBe(values.baseUrl);
  });

  it('a capture while locked waits for the admin: listed with its page and time, used only once kept', async () => {
    await vault.lockVault();
    const captured = await send(
      'capture.submit',
      { vendor: 'jamf-pro', values: { ...values, clientSecret: 'second-secret-000' } },
      consoleTab,
    );
    expect(captured).toMatchObject({ ok: true, data: { id, updated: true } });
    await send('vault.unlock', { passphrase: PASS });
    expect((await store.openRecord(id)).values.clientSecret).toBe(values.clientSecret);
    const [change] = ((await send('vault.unconfirmed')) as { data: { source: string; at: string; secret: boolean }[] }).data;
    expect(change).toMatchObject({ id, kind: 'update', secret: true, source: 'https://acme.fake-console.test/clients/1' });
    expect(Date.parse(change.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(await send('vault.confirm', { decisions: [{ id, keep: true }] })).toMatchObject({ ok: true, data: { kept: 1 } });
    expect((await store.openRecord(id)).values.clientSecret).toBe('second-secret-000');
    expect((await store.readRecord(id)).previous).toBeDefined(); // a real rotation: the old secret is kept
  });

  it('nothing is sealed to a public key that does not match the private key (checked while locked too)', async () => {
    const other = await createVaultKeys('another passphrase entirely', { iterations: 100_000 });
    const { vault: meta } = (await fakeBrowser.storage.local.get('vault')) as { vault: Record<string, unknown> };
    await vault.lockVault();
    await fakeBrowser.storage.local.set({ vault: await withChecksum({ ...meta, publicJwk: other.meta.publicJwk }) });
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(await send('capture.submit', { vendor: 'jamf-pro', values: { ...values, clientId: 'client-2' } }, consoleTab)).toMatchObject({
      ok: false,
      error: { code: 'VAULT_DAMAGED' },
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
  });
});
