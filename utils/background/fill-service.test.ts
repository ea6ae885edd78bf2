import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';

vi.mock('../vendors/registry', () => registryMock);

const { routeMessage } = await import('./router');
const { issueTicket, ticketAdmits, fillableOrigin, TICKET_TTL_MS } = await import('./fill-gate');
const { readAudit } = await import('./audit');
const { USED_BY_LIMIT, recordUse } = await import('./used-by');

const self = { id: 'keyhold-id', origin: 'chrome-extension://keyhold-id/' };
const page = { id: 'keyhold-id', url: 'chrome-extension://keyhold-id/popup.html' };
const DEST = 'https://app.airmdr.com';
const injected = (url = `${DEST}/integrations/jamf`, tab = 7, frameId = 0) => ({
  id: 'keyhold-id',
  url,
  tab: { id: tab, url } as never,
  frameId,
});
const PASS = 'a long enough passphrase';
const VALUES = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'captured-secret-123' };

async function setUp() {
  await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, page, self);
  const added = await routeMessage({ type: 'credentials.add', payload: { vendor: 'jamf-pro', values: VALUES } }, page, self);
  return (added as { data: { id: string } }).data.id;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the gesture gate', () => {
  const ticket = { tabId: 7, frameId: 0, origin: DEST, until: 2_000 };
  it.each([
    ['the frame it was issued for', injected(), 1_000, true],
    ['after it expired', injected(), 2_001, false],
    ['another tab', injected(undefined, 8), 1_000, false],
    ['another frame of the tab', injected(undefined, 7, 3), 1_000, false],
    ['a look-alike origin', injected('https://app.airmdr.com.evil.test/x'), 1_000, false],
    ['the same host over http', injected('http://app.airmdr.com/x'), 1_000, false],
    ['an extension page (no tab)', page, 1_000, false],
  ])('%s → %s', (_, sender, now, admitted) => {
    expect(ticketAdmits(ticket, sender as never, now as number)).toBe(admitted);
  });
  it('no ticket admits nothing', () => expect(ticketAdmits(undefined, injected() as never, 0)).toBe(false));
  it('fills https pages and local test pages only', () => {
    expect(
      [
        'https://a.example/x',
        'http://localhost:3000/',
        'http://127.0.0.1/',
        'http://a.example/',
        'file:///x',
        'chrome://settings',
        'nonsense',
      ].map(fillableOrigin),
    ).toEqual(['https://a.example', 'http://localhost:3000', 'http://127.0.0.1', undefined, undefined, undefined, undefined]);
  });
});

describe('fill.values', () => {
  it('hands over the chosen fields once, to the frame holding the ticket; audits it and remembers where (never the value)', async () => {
    const id = await setUp();
    const ticket = await issueTicket({ tabId: 7, frameId: 0, origin: DEST });
    const request = { type: 'fill.values', payload: { ticket, id, fields: ['baseUrl', 'clientSecret'] } };
    expect(await routeMessage(request, injected(), self)).toEqual({
      ok: true,
      data: { values: { baseUrl: VALUES.baseUrl, clientSecret: VALUES.clientSecret } },
    });
    // Once: the ticket is spent.
    expect(await routeMessage(request, injected(), self)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const audit = await readAudit();
    expect(audit.at(-1)).toMatchObject({ event: 'filled', detail: `${DEST} (baseUrl, clientSecret)` });
    const list = (await routeMessage({ type: 'credentials.list' }, page, self)) as { data: { usedBy?: unknown[] }[] };
    expect(list.data[0].usedBy).toEqual([{ origin: DEST, at: expect.any(String), fields: ['baseUrl', 'clientSecret'] }]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(VALUES.clientSecret);
  });

  it('refuses without a ticket, from another tab, from an extension page, and with the vault locked', async () => {
    const id = await setUp();
    const forged = { type: 'fill.values', payload: { ticket: 'made-up-ticket', id, fields: ['clientSecret'] } };
    expect(await routeMessage(forged, injected(), self)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const ticket = await issueTicket({ tabId: 7, frameId: 0, origin: DEST });
    const real = { type: 'fill.values', payload: { ticket, id, fields: ['clientSecret'] } };
    expect(await routeMessage(real, page, self)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await routeMessage(real, injected(undefined, 9), self)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const again = await issueTicket({ tabId: 7, frameId: 0, origin: DEST });
    await routeMessage({ type: 'vault.lock' }, page, self);
    expect(
      await routeMessage({ type: 'fill.values', payload: { ticket: again, id, fields: ['clientSecret'] } }, injected(), self),
    ).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    expect((await readAudit()).some((entry) => entry.event === 'filled')).toBe(false);
  });

  it('a ticket expires', async () => {
    const id = await setUp();
    const ticket = await issueTicket({ tabId: 7, frameId: 0, origin: DEST }, Date.now() - TICKET_TTL_MS - 1);
    expect(await routeMessage({ type: 'fill.values', payload: { ticket, id, fields: ['clientId'] } }, injected(), self)).toMatchObject({
      ok: false,
    });
  });

  it('"Used by" keeps one entry per origin, newest first, capped', async () => {
    const id = await setUp();
    for (let n = 0; n < USED_BY_LIMIT + 3; n++) await recordUse(id, `https://d${n}.example`, ['clientId'], new Date(2026, 0, 1, 0, n));
    await recordUse(id, 'https://d5.example', ['clientSecret'], new Date(2026, 1, 1));
    const list = (await routeMessage({ type: 'credentials.list' }, page, self)) as { data: { usedBy: { origin: string }[] }[] };
    expect(list.data[0].usedBy).toHaveLength(USED_BY_LIMIT);
    expect(list.data[0].usedBy[0].origin).toBe('https://d5.example');
    expect(list.data[0].usedBy.filter((entry) => entry.origin === 'https://d5.example')).toHaveLength(1);
  });

  it('the hand-off carries "Used by" to the receiving vault', async () => {
    const id = await setUp();
    await recordUse(id, DEST, ['clientId', 'clientSecret'], new Date('2026-05-01T00:00:00Z'));
    const exported = (await routeMessage(
      { type: 'credentials.export', payload: { ids: [id], passphrase: `${PASS} file` } },
      page,
      self,
    )) as { data: { jwe: string } };
    const imported = (await routeMessage(
      { type: 'credentials.import', payload: { jwe: exported.data.jwe, passphrase: `${PASS} file` } },
      page,
      self,
    )) as { data: { ids: string[] } };
    const list = (await routeMessage({ type: 'credentials.list' }, page, self)) as { data: { id: string; usedBy?: unknown }[] };
    expect(list.data.find((c) => c.id === imported.data.ids[0])?.usedBy).toEqual([
      { origin: DEST, at: '2026-05-01T00:00:00.000Z', fields: ['clientId', 'clientSecret'] },
    ]);
  });
});
