import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUDIT_LIMIT, appendAudit, readAudit } from './audit';
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
    const csv = auditToCsv([{ at: '2026-01-01T00:00:00.000Z', event: 'captured', vendor: 'iru', label: '=HYPERLINK("x")', detail: 'a,"b"' }]);
    expect(csv).toBe('time,event,vendor,credential,detail\r\n"2026-01-01T00:00:00.000Z","captured","iru","\'=HYPERLINK(""x"")","a,""b"""\r\n');
  });
});
