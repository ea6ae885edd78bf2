import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';

vi.mock('../vendors/registry', () => registryMock);

const { createVault } = await import('./vault-service');
const store = await import('./credential-store');

const PASS = 'a long enough passphrase';
const values = (n: number) => ({
  baseUrl: `https://t${n}.fake-console.test`,
  clientId: `client-${n}`,
  clientSecret: `secret-number-${n}-123456`,
});
const labels = async () => (await store.listSummaries()).map((summary) => summary.label).sort();

/** Count the reads of credential records (the listing's cost). */
function countRecordReads() {
  const get = fakeBrowser.storage.local.get;
  const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((keys) => get(keys as never));
  // Where the browser cannot list keys first, the listing reads everything (storage-area.ts).
  const readsRecords = (keys: unknown) => keys === null || (Array.isArray(keys) && keys.some((key) => String(key).startsWith('cred:')));
  return () => spy.mock.calls.filter(([keys]) => readsRecords(keys)).length;
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await createVault(PASS);
});

describe('the credential list kept in the worker', () => {
  it('is read from storage once while nothing is written', async () => {
    const a = await store.addRecord({ vendor: 'jamf-pro', label: 'A', values: values(1) });
    await store.addRecord({ vendor: 'jamf-pro', label: 'B', values: values(2) });
    const reads = countRecordReads();
    const first = await store.listSummaries();
    expect(await store.listSummaries()).toEqual(first);
    expect(await store.listSummaries()).toEqual(first);
    expect(reads()).toBe(1);
    // What a caller does with its copy is not what the next caller sees.
    first.pop();
    expect((await store.listSummaries()).map((summary) => summary.id)).toContain(a.id);
    expect(reads()).toBe(1);
  });

  it('follows every write the worker makes: add, change, test result, remove', async () => {
    const a = await store.addRecord({ vendor: 'jamf-pro', label: 'A', values: values(1) });
    expect(await labels()).toEqual(['A']);
    const b = await store.addRecord({ vendor: 'jamf-pro', label: 'B', values: values(2) });
    expect(await labels()).toEqual(['A', 'B']);
    await store.updateMeta(a.id, { label: 'A renamed' });
    expect(await labels()).toEqual(['A renamed', 'B']);
    await store.saveTestResult(b.id, { ok: false, message: 'Refused', code: 'AUTH_FAILED', steps: [] }, 5);
    expect((await store.listSummaries()).find((summary) => summary.id === b.id)?.lastTest).toMatchObject({ ok: false });
    await store.removeRecord(a.id);
    expect(await labels()).toEqual(['B']);
  });

  it('follows a write made elsewhere: a record damaged in storage is listed as damaged', async () => {
    const a = await store.addRecord({ vendor: 'jamf-pro', label: 'A', values: values(1) });
    expect((await store.listSummaries())[0].corrupted).toBeUndefined();
    const stored = (await fakeBrowser.storage.local.get(`cred:${a.id}`))[`cred:${a.id}`] as { label: string };
    await fakeBrowser.storage.local.set({ [`cred:${a.id}`]: { ...stored, label: 'B' } });
    expect(await store.listSummaries()).toMatchObject([{ id: a.id, corrupted: true }]);
  });

  it('never keeps a list read while a write was under way', async () => {
    const a = await store.addRecord({ vendor: 'jamf-pro', label: 'A', values: values(1) });
    // The listing's read answers with what storage held before the write, after the write settled.
    const get = fakeBrowser.storage.local.get;
    let releaseRead = () => {};
    const before = await get(null);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementationOnce(async (keys) => {
      const answer = keys === null ? before : Object.fromEntries(Object.entries(before).filter(([key]) => [keys].flat().includes(key)));
      await new Promise<void>((resolve) => (releaseRead = resolve));
      return answer;
    });
    // Listen without the storage.onChanged listener: only the worker's own write notes may keep this right.
    const inFlight = store.listSummaries();
    fakeBrowser.storage.onChanged.removeAllListeners();
    vi.spyOn(fakeBrowser.storage.onChanged, 'hasListener').mockReturnValue(true);
    await store.updateMeta(a.id, { label: 'A renamed' });
    releaseRead();
    expect((await inFlight).map((summary) => summary.label)).toEqual(['A']);
    expect(await labels()).toEqual(['A renamed']);
  });

  it('never keeps a list read while a write is still settling', async () => {
    const a = await store.addRecord({ vendor: 'jamf-pro', label: 'A', values: values(1) });
    await store.listSummaries();
    // The write's storage call is held open; a listing meanwhile still reads the old record.
    const set = fakeBrowser.storage.local.set;
    let releaseWrite = () => {};
    let writing = () => {};
    const started = new Promise<void>((resolve) => (writing = resolve));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce(async (items) => {
      writing();
      await new Promise<void>((resolve) => (releaseWrite = resolve));
      return set(items);
    });
    fakeBrowser.storage.onChanged.removeAllListeners();
    vi.spyOn(fakeBrowser.storage.onChanged, 'hasListener').mockReturnValue(true);
    const renaming = store.updateMeta(a.id, { label: 'A renamed' });
    await started;
    expect(await labels()).toEqual(['A']);
    releaseWrite();
    await renaming;
    expect(await labels()).toEqual(['A renamed']);
  });

  it('does not keep a failed read', async () => {
    await store.addRecord({ vendor: 'jamf-pro', label: 'A', values: values(1) });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('I/O error'));
    await expect(store.listSummaries()).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
    expect(await labels()).toEqual(['A']);
  });
});
