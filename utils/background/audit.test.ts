import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUDIT_LIMIT, appendAudit, readAudit } from './audit';
import { AUDIT_FILED_PAGES, AUDIT_PAGE_SIZE, fileAuditPages } from '../vault/storage-schema';
import { auditToCsv } from '../audit-csv';

beforeEach(() => fakeBrowser.reset());

describe('audit log', () => {
  it('appends, keeps order, and caps at 5,000 entries', async () => {
    const base = new Date('2026-01-01T00:00:00Z').getTime();
    const list = Array.from({ length: AUDIT_LIMIT }, (_, i) => ({ at: new Date(base + i).toISOString(), event: 'tested', label: `c${i}` }));
    await fakeBrowser.storage.local.set({ audit: list });
    await appendAudit({ event: 'captured', label: 'newest', vendor: 'jamf-pro' });
    const entries = await readAudit();
    expect(entries).toHaveLength(AUDIT_LIMIT);
    expect(entries[0].label).toBe('c1');
    expect(entries.at(-1)).toMatchObject({ event: 'captured', label: 'newest', vendor: 'jamf-pro' });
  });

  it('skips a damaged entry instead of failing', async () => {
    await fakeBrowser.storage.local.set({ audit: [{ nonsense: true }, { at: '2026-01-01T00:00:00.000Z', event: 'revealed', label: 'x' }] });
    expect(await readAudit()).toEqual([{ at: '2026-01-01T00:00:00.000Z', event: 'revealed', label: 'x' }]);
  });

  it('refuses unknown events', async () => {
    await expect(appendAudit({ event: 'stolen' as never })).rejects.toThrow();
  });

  it('exports CSV with quoting and formula injection defused', () => {
    const csv = auditToCsv([
      { at: '2026-01-01T00:00:00.000Z', event: 'captured', vendor: 'iru', label: '=HYPERLINK("x")', detail: 'a,"b"' },
    ]);
    expect(csv).toBe(
      'time,event,vendor,credential,detail\r\n"2026-01-01T00:00:00.000Z","captured","iru","\'=HYPERLINK(""x"")","a,""b"""\r\n',
    );
  });
});

describe('audit log pages', () => {
  const entry = (i: number) => ({ at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), event: 'tested', label: `c${i}` });

  it('an append reads and writes only the current page, and files it once full', async () => {
    await fakeBrowser.storage.local.set({ audit: Array.from({ length: AUDIT_PAGE_SIZE - 2 }, (_, i) => entry(i)) });
    await appendAudit({ event: 'captured', label: 'almost full' });
    expect(await fakeBrowser.storage.local.get(null)).toMatchObject({ audit: { length: AUDIT_PAGE_SIZE - 1 } });
    await appendAudit({ event: 'captured', label: 'fills it' });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.audit).toEqual([]);
    expect(stored.auditPages).toEqual([1]);
    expect(stored['audit:1']).toHaveLength(AUDIT_PAGE_SIZE);
    await appendAudit({ event: 'captured', label: 'next page' });
    const entries = await readAudit();
    expect(entries).toHaveLength(AUDIT_PAGE_SIZE + 1);
    expect(entries.map((e) => e.label).slice(-3)).toEqual(['almost full', 'fills it', 'next page']);
  });

  it('keeps the last 5,000 entries across pages, dropping the oldest page from storage', async () => {
    const filed = Array.from({ length: AUDIT_FILED_PAGES }, (_, p) => p + 1);
    const pages = Object.fromEntries(
      filed.map((p) => [`audit:${p}`, Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => entry((p - 1) * AUDIT_PAGE_SIZE + i))]),
    );
    const current = Array.from({ length: AUDIT_PAGE_SIZE - 1 }, (_, i) => entry(AUDIT_FILED_PAGES * AUDIT_PAGE_SIZE + i));
    await fakeBrowser.storage.local.set({ ...pages, auditPages: filed, audit: current });
    expect(await readAudit()).toHaveLength(AUDIT_LIMIT);

    await appendAudit({ event: 'captured', label: 'newest' }); // fills page 21: page 1 goes
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored['audit:1']).toBeUndefined();
    expect(stored.auditPages).toEqual([...filed.slice(1), AUDIT_FILED_PAGES + 1]);
    const entries = await readAudit();
    expect(entries).toHaveLength(AUDIT_LIMIT);
    expect(entries[0].label).toBe(`c${AUDIT_FILED_PAGES * AUDIT_PAGE_SIZE + AUDIT_PAGE_SIZE - 1 - AUDIT_LIMIT + 1}`);
    expect(entries.at(-1)?.label).toBe('newest');
  });

  it('reads only as many of the newest pages as a limit needs, newest entries last', async () => {
    const filed = Array.from({ length: AUDIT_FILED_PAGES }, (_, p) => p + 1);
    const pages = Object.fromEntries(
      filed.map((p) => [`audit:${p}`, Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => entry((p - 1) * AUDIT_PAGE_SIZE + i))]),
    );
    const total = AUDIT_FILED_PAGES * AUDIT_PAGE_SIZE + 10;
    const current = Array.from({ length: 10 }, (_, i) => entry(AUDIT_FILED_PAGES * AUDIT_PAGE_SIZE + i));
    await fakeBrowser.storage.local.set({ ...pages, auditPages: filed, audit: current });
    const asked: string[] = [];
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.get = (async (keys: string | string[]) => {
      asked.push(...[keys].flat());
      return get(keys as never);
    }) as never;
    const entries = await readAudit(500);
    expect(entries.map((e) => e.label)).toEqual(Array.from({ length: 500 }, (_, i) => `c${total - 500 + i}`));
    // The current page (10) and the two newest filed pages (500 more), not the other 18.
    expect(asked.sort()).toEqual(['audit', `audit:${AUDIT_FILED_PAGES - 1}`, `audit:${AUDIT_FILED_PAGES}`, 'auditPages']);
    expect(await readAudit(3)).toHaveLength(3);
  });

  it('a damaged page index or page loses only what is damaged', async () => {
    await fakeBrowser.storage.local.set({ auditPages: [1, 'x', -3], 'audit:1': 'not a page', audit: [entry(1)] });
    expect(await readAudit()).toEqual([entry(1)]);
    await appendAudit({ event: 'captured', label: 'still works' });
    expect((await readAudit()).map((e) => e.label)).toEqual(['c1', 'still works']);
  });

  it('files pages in order with no gap (pure planner)', () => {
    const { set, remove } = fileAuditPages(
      Array.from({ length: AUDIT_PAGE_SIZE * 2 + 5 }, (_, i) => i),
      [7],
    );
    expect(Object.keys(set).sort()).toEqual(['audit', 'audit:8', 'audit:9', 'auditPages']);
    expect(set.auditPages).toEqual([7, 8, 9]);
    expect(set.audit).toEqual([500, 501, 502, 503, 504]);
    expect(remove).toEqual([]);
  });
});
