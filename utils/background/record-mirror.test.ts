// Issue 14, item 6: a credential's test does not wait for storage.local to hand back a record this
// worker already read or wrote, and what it uses is never older or less checked than storage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';
import { pageSender, PASS, self } from '../../tests/unit/support/router-senders';

vi.mock('../vendors/registry', () => registryMock);

const { routeMessage } = await import('./router');
const vault = await import('./vault-service');
const store = await import('./credential-store');
const { local } = await import('./storage-area');
const { createVaultKeys } = await import('../vault/vault-crypto');
const { recordKey } = await import('../vault/storage-schema');
const { afterReplyDone } = await import('./after-reply');
const { forget } = await import('./record-mirror');

const page = pageSender('options.html');
const values = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'first-secret-0000' };
const send = (type: string, payload?: unknown) => routeMessage({ type, payload }, page as never, self);

async function stored(): Promise<string> {
  const { meta } = await createVaultKeys(PASS, { iterations: 100_000 });
  await fakeBrowser.storage.local.set({ vault: meta });
  await vault.unlockVault(PASS);
  const added = (await send('credentials.add', { vendor: 'jamf-pro', values })) as { data: { id: string } };
  return added.data.id;
}

const recordReads = (id: string) => {
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  return () => get.mock.calls.filter(([keys]) => [keys].flat().includes(recordKey(id))).length;
};
/** Let storage.onChanged reach its listeners. */
const changesHeard = () => new Promise((resolve) => setTimeout(resolve));

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
});

describe('records held in the worker', () => {
  it('a record this worker wrote is used again without reading storage', async () => {
    const id = await stored();
    await store.readRecord(id); // attaches the change listener
    await store.updateMeta(id, { label: 'Renamed' });
    await changesHeard();
    const reads = recordReads(id);
    for (let i = 0; i < 3; i++) expect((await store.openRecord(id)).record.label).toBe('Renamed');
    expect(reads()).toBe(0);
  });

  it('a test, its stored result and the next test read the record from storage at most once', async () => {
    const id = await stored();
    const reads = recordReads(id);
    for (let i = 0; i < 3; i++) {
      expect(await send('credentials.test', { id })).toMatchObject({ ok: true, data: { ok: true } });
      await afterReplyDone();
      await changesHeard();
    }
    expect(reads()).toBeLessThanOrEqual(1);
    expect((await store.readRecord(id)).history).toHaveLength(3);
  });

  it('a record changed by anyone else is read again, and damage is still found', async () => {
    const id = await stored();
    const before = await store.readRecord(id);
    const raw = (await fakeBrowser.storage.local.get(recordKey(id)))[recordKey(id)] as Record<string, unknown>;
    // The profile edited behind Keyhold's back: the label changed, the checksum left as it was.
    await fakeBrowser.storage.local.set({ [recordKey(id)]: { ...raw, label: 'Edited elsewhere' } });
    await changesHeard();
    await expect(store.readRecord(id)).rejects.toMatchObject({ code: 'CORRUPTED_RECORD' });
    expect(await send('credentials.test', { id })).toMatchObject({ ok: false, error: { code: 'CORRUPTED_RECORD' } });
    // Put back as it was: usable again.
    await fakeBrowser.storage.local.set({ [recordKey(id)]: raw });
    await changesHeard();
    expect((await store.readRecord(id)).label).toBe(before.label);
  });

  it('a removed record is gone at once', async () => {
    const id = await stored();
    await store.readRecord(id);
    expect(await send('credentials.remove', { id })).toMatchObject({ ok: true });
    await expect(store.readRecord(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a read under way while a write lands does not bring the older record back', async () => {
    const id = await stored();
    const record = await store.readRecord(id);
    forget(recordKey(id)); // so the next read goes to storage
    // That read sees the record before the write, and answers only after the write settled.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementationOnce(async (keys) => {
      const before = await get(keys as never);
      await gate;
      return before;
    });
    const read = store.readRecord(id);
    await store.writeRecord({ ...record, label: 'Newer' });
    release();
    expect((await read).label).toBe(record.label);
    await changesHeard();
    expect((await store.readRecord(id)).label).toBe('Newer');
  });

  it('a write the browser refuses holds nothing', async () => {
    const id = await stored();
    const record = await store.readRecord(id);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error'));
    await expect(store.writeRecord({ ...record, label: 'Never stored' })).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
    expect((await store.readRecord(id)).label).toBe(record.label);
  });

  it('what a read returned is the caller’s: changing it changes nothing held', async () => {
    const id = await stored();
    const raw = (await local.get(recordKey(id))) as { label: string };
    raw.label = 'Changed in memory';
    expect((await store.readRecord(id)).label).not.toBe('Changed in memory');
  });

  it('what a caller wrote stays the caller’s: changing it afterwards changes nothing held', async () => {
    const id = await stored();
    const item = { ...((await fakeBrowser.storage.local.get(recordKey(id)))[recordKey(id)] as { label: string }) };
    await local.set({ [recordKey(id)]: item });
    item.label = 'Changed after writing';
    expect((await store.readRecord(id)).label).not.toBe('Changed after writing');
  });
});

describe("a stored credential's host check", () => {
  it('asks the browser at every test: a site access removed since the last test is refused', async () => {
    const id = await stored();
    expect(await send('credentials.test', { id })).toMatchObject({ ok: true, data: { ok: true } });
    fakeBrowser.permissions.contains = vi.fn(async () => false) as never;
    expect(await send('credentials.test', { id })).toMatchObject({ ok: true, data: { ok: false, code: 'HOST_PERMISSION_REQUIRED' } });
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledTimes(1);
  });

  it('asks about the new site when the credential now reaches another one', async () => {
    const id = await stored();
    await send('credentials.test', { id });
    await afterReplyDone();
    await send('credentials.update', { id, values: { baseUrl: 'https://other.fake-console.test' } });
    await afterReplyDone();
    const asked: string[][] = [];
    fakeBrowser.permissions.contains = vi.fn(async ({ origins }: { origins: string[] }) => {
      asked.push(origins);
      return !origins.some((origin) => origin.includes('other.'));
    }) as never;
    expect(await send('credentials.test', { id })).toMatchObject({ ok: true, data: { ok: false, code: 'HOST_PERMISSION_REQUIRED' } });
    expect(asked).toContainEqual(['https://other.fake-console.test/*']);
  });
});
