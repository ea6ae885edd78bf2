import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeType, registryMock } from '../../tests/unit/support/fake-vendor';
import { AUDIT_FILED_PAGES, AUDIT_PAGE_SIZE } from '../vault/storage-schema';

vi.mock('../vendors/registry', () => registryMock);

const { routeMessage } = await import('./router');
const { afterReply, afterReplyDone } = await import('./after-reply');

const self = { id: 'keyhold-id', origin: 'chrome-extension://keyhold-id/' };
const page = { id: 'keyhold-id', url: 'chrome-extension://keyhold-id/popup.html' };
const PASS = 'a long enough passphrase';
const values = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'captured-secret-123' };
const originalTest = fakeType.test;

async function send(type: string, payload?: unknown) {
  return (await routeMessage({ type, payload }, page, self)) as { ok: boolean; data?: any; error?: { code: string } };
}

async function vaultWithOne(): Promise<string> {
  await send('vault.create', { passphrase: PASS });
  return (await send('credentials.add', { vendor: 'jamf-pro', values })).data.id;
}

/** Every storage.local key read from now on. */
function recordReads(): string[] {
  const keys: string[] = [];
  const area = fakeBrowser.storage.local;
  const get = area.get.bind(area);
  area.get = (async (asked: unknown) => {
    keys.push(
      ...(asked === null
        ? ['(everything)']
        : typeof asked === 'string'
          ? [asked]
          : Array.isArray(asked)
            ? (asked as string[])
            : Object.keys(asked as object)),
    );
    return get(asked as never);
  }) as never;
  return keys;
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
});

afterEach(async () => {
  fakeType.test = originalTest;
  await afterReplyDone();
  vi.restoreAllMocks();
});

describe('work after the answer', () => {
  it('answers a test before storing its result, and the next request already sees the result', async () => {
    const id = await vaultWithOne();
    await afterReplyDone();
    const reply = await send('credentials.test', { id });
    expect(reply).toMatchObject({ ok: true, data: { ok: true } });
    // Not stored yet when the answer leaves…
    expect(((await fakeBrowser.storage.local.get(`cred:${id}`))[`cred:${id}`] as { lastTest?: unknown }).lastTest).toBeUndefined();
    // …and stored before any later request reads.
    const listed = await send('credentials.list');
    expect(listed.data[0].lastTest).toMatchObject({ ok: true });
    expect((await send('audit.list')).data.at(-1)).toMatchObject({ event: 'tested', detail: 'works' });
  });

  it('reports work that fails, and later requests still answer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    afterReply(async () => {
      throw new Error('boom');
    });
    expect(await send('vault.status')).toEqual({ ok: true, data: { state: 'new' } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('work after an answer failed'));
  });

  it('runs queued work in order', async () => {
    const order: number[] = [];
    afterReply(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push(1);
    });
    afterReply(async () => void order.push(2));
    await afterReplyDone();
    expect(order).toEqual([1, 2]);
  });
});

describe('a test with a full audit log', () => {
  it('reads only the current audit page, never the filed ones or their index', async () => {
    const id = await vaultWithOne();
    const entry = { at: new Date().toISOString(), event: 'tested', label: 'old' };
    const filed = Array.from({ length: AUDIT_FILED_PAGES }, (_, i) => i + 1);
    await fakeBrowser.storage.local.set({
      ...Object.fromEntries(filed.map((n) => [`audit:${n}`, Array.from({ length: AUDIT_PAGE_SIZE }, () => entry)])),
      auditPages: filed,
      audit: [entry],
    });
    await afterReplyDone();
    const reads = recordReads();
    expect(await send('credentials.test', { id })).toMatchObject({ ok: true, data: { ok: true } });
    await afterReplyDone();
    expect(reads).toContain('audit');
    expect(reads.filter((key) => key.startsWith('audit:') || key === 'auditPages' || key === '(everything)')).toEqual([]);
  });
});

describe('the badge after a test', () => {
  it('is recomputed when the credential starts failing, not when its state stays the same', async () => {
    const id = await vaultWithOne();
    await send('credentials.test', { id });
    await afterReplyDone();
    const setBadgeText = vi.fn(async () => undefined);
    fakeBrowser.action.setBadgeText = setBadgeText as never;
    await send('credentials.test', { id });
    await afterReplyDone();
    expect(setBadgeText).not.toHaveBeenCalled();
    fakeType.test = async () => ({ ok: false, code: 'INVALID_CREDENTIALS', message: 'Refused.', steps: [] });
    await send('credentials.test', { id });
    await afterReplyDone();
    expect(setBadgeText).toHaveBeenCalledWith({ text: '1' });
  });
});
