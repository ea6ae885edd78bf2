import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';

vi.mock('../vendors/registry', () => registryMock);

const { routeMessage } = await import('./router');
const { classifySender } = await import('./sender');

const self = { id: 'keyhold-id', origin: 'chrome-extension://keyhold-id/' };
const page = { id: 'keyhold-id', url: 'chrome-extension://keyhold-id/popup.html' };
const consoleTab = (url: string) => ({ id: 'keyhold-id', url, tab: { id: 7, url } as never, frameId: 0 });
const PASS = 'a long enough passphrase';
const capture = {
  type: 'capture.submit',
  payload: { vendor: 'jamf-pro', values: { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'captured-secret-123' } },
};

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
});

describe('sender classification', () => {
  it.each([
    [page, 'extension-page'],
    [{ id: 'keyhold-id', url: 'chrome-extension://keyhold-id/sidepanel.html?tab=3', tab: { id: 3 } }, 'extension-page'],
    [consoleTab('https://acme.fake-console.test/view'), 'content-script'],
    [{ id: 'other-extension', url: 'chrome-extension://other-extension/x.html' }, 'foreign'],
    [{ id: 'keyhold-id', url: 'chrome-extension://keyhold-id-evil/x.html' }, 'foreign'],
    [{ id: 'keyhold-id', url: 'http://acme.fake-console.test/', tab: { id: 1 } }, 'foreign'],
    [{ url: 'https://evil.test/' }, 'foreign'],
  ])('%j is %s', (sender, kind) => {
    expect(classifySender(sender as never, self.id, self.origin)).toBe(kind);
  });
});

describe('router', () => {
  it('answers the extension pages through the protocol', async () => {
    expect(await routeMessage({ type: 'vault.status' }, page, self)).toEqual({ ok: true, data: { state: 'new' } });
    expect(await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, page, self)).toEqual({ ok: true, data: { state: 'unlocked' } });
  });

  it.each([
    [{ type: 'vault.create', payload: { passphrase: 'short' } }],
    [{ type: 'vault.create', payload: { passphrase: PASS, extra: 1 } }],
    [{ type: 'vault.nuke' }],
    [{ payload: {} }],
    ['vault.status'],
    [null],
    [{ type: 'credentials.add', payload: { vendor: 'nobody', values: {} } }],
    [{ type: 'credentials.reveal', payload: { id: '../../etc' } }],
  ])('rejects %j with INVALID_INPUT and changes nothing', async (message) => {
    const reply = await routeMessage(message, page, self);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('refuses other extensions and web pages', async () => {
    const reply = await routeMessage({ type: 'vault.status' }, { id: 'other', url: 'chrome-extension://other/x.html' }, self);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('lets content scripts send only captures and page reports', async () => {
    const reveal = await routeMessage({ type: 'credentials.list' }, consoleTab('https://acme.fake-console.test/x'), self);
    expect(reveal).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const create = await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, consoleTab('https://acme.fake-console.test/x'), self);
    expect(create).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('refuses a capture from a page that is not the claimed vendor’s console', async () => {
    await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, page, self);
    const reply = await routeMessage(capture, consoleTab('https://evil.example.com/phish'), self);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect((await routeMessage({ type: 'credentials.list' }, page, self)) as { data: unknown[] }).toMatchObject({ data: [] });
  });

  it('seals a capture while locked, tests it with the values it was handed, and redacts the secret', async () => {
    await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, page, self);
    await routeMessage({ type: 'vault.lock' }, page, self);
    const reply = await routeMessage(capture, consoleTab('https://acme.fake-console.test/clients/1'), self);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const data = reply.data as { id: string; updated: boolean; test: { ok: boolean; message: string } };
    expect(data.updated).toBe(false);
    expect(data.test.ok).toBe(true);
    expect(data.test.message).not.toContain('captured-secret-123');
    expect(data.test.message).toContain('[redacted]');
    // Same client again with a new secret: a rotation, updated in place.
    const again = await routeMessage(
      { ...capture, payload: { ...capture.payload, values: { ...capture.payload.values, clientSecret: 'rotated-secret-456' } } },
      consoleTab('https://acme.fake-console.test/clients/1'),
      self,
    );
    expect(again).toMatchObject({ ok: true, data: { id: data.id, updated: true } });
    const list = await routeMessage({ type: 'credentials.list' }, page, self);
    expect((list as { data: unknown[] }).data).toHaveLength(1);
  });

  it('refuses captures on a console the organisation hid through policy', async () => {
    await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, page, self);
    await fakeBrowser.storage.managed.set({ hiddenVendors: ['jamf-pro'] });
    const reply = await routeMessage(capture, consoleTab('https://acme.fake-console.test/clients/1'), self);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.stringContaining('organisation') } });
    expect((await routeMessage({ type: 'credentials.list' }, page, self)) as { data: unknown[] }).toMatchObject({ data: [] });
  });

  it('asks for host permission before any request', async () => {
    fakeBrowser.permissions.contains = vi.fn(async () => false) as never;
    await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, page, self);
    const added = await routeMessage({ type: 'credentials.add', payload: capture.payload }, page, self);
    const id = (added as { data: { id: string } }).data.id;
    const reply = await routeMessage({ type: 'credentials.test', payload: { id } }, page, self);
    expect(reply).toMatchObject({ ok: true, data: { ok: false, code: 'HOST_PERMISSION_REQUIRED' } });
  });
});
