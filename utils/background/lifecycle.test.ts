import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeType, registryMock } from '../../tests/unit/support/fake-vendor';

// A fake vendor whose test takes 20 ms and counts concurrency, overall and per server.
let running = 0;
let peak = 0;
const perServer = new Map<string, number>();
const peakPerServer = new Map<string, number>();
const typeWithLimits = {
  ...fakeType,
  exclusiveKey: (values: { baseUrl: string }) => new URL(values.baseUrl).host,
  test: async (values: { baseUrl: string; clientSecret: string }) => {
    const host = new URL(values.baseUrl).host;
    running++;
    perServer.set(host, (perServer.get(host) ?? 0) + 1);
    peak = Math.max(peak, running);
    peakPerServer.set(host, Math.max(peakPerServer.get(host) ?? 0, perServer.get(host)!));
    await new Promise((resolve) => setTimeout(resolve, 20));
    running--;
    perServer.set(host, perServer.get(host)! - 1);
    return values.clientSecret.startsWith('bad')
      ? { ok: false, code: 'INVALID_CREDENTIALS', message: 'rejected', steps: [] }
      : { ok: true, message: 'fine', steps: [] };
  },
};
vi.mock('../vendors/registry', () => ({
  ...registryMock,
  credentialTypes: [typeWithLimits],
  getCredentialType: () => typeWithLimits,
}));

const { createVault } = await import('./vault-service');
const store = await import('./credential-store');
const { testAll, rollback, maintenance } = await import('./lifecycle');
const { saveOutcome } = await import('./after-write');
const { updateBadge, needsAttention } = await import('./badge');
const { checkAutoLock, onIdleStateChanged } = await import('./auto-lock');
const { vaultStatus, touchActivity } = await import('./vault-service');

const values = (host: string, secret = 'good-secret-value-123') => ({ baseUrl: `https://${host}`, clientId: `client-${host}`, clientSecret: secret });

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
  running = 0;
  peak = 0;
  perServer.clear();
  peakPerServer.clear();
  await createVault('a long enough passphrase');
});

describe('test all', () => {
  it('runs 4 at a time, never two on the same server, and reports progress and results', async () => {
    const hosts = ['a.test', 'a.test', 'a.test', 'b.test', 'b.test', 'c.test', 'd.test', 'e.test', 'f.test', 'g.test'];
    for (const [i, host] of hosts.entries()) await store.addRecord({ vendor: 'jamf-pro', values: values(host, i === 9 ? 'bad-secret-000000' : `good-secret-${i}-0000`) });
    const progress = await testAll();
    expect(progress).toMatchObject({ total: 10, done: 10, ok: 9, failed: 1, running: false });
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThan(1);
    expect(peakPerServer.get('a.test')).toBe(1);
    expect(peakPerServer.get('b.test')).toBe(1);
    const summaries = await store.listSummaries();
    expect(summaries.every((s) => s.lastTest && s.history?.length === 1)).toBe(true);
  });

  it('needs the vault unlocked', async () => {
    const { lockVault } = await import('./vault-service');
    await lockVault();
    await expect(testAll()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});

describe('notifications and badge', () => {
  it('notifies once when a working credential starts failing', async () => {
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    const record = await store.addRecord({ vendor: 'jamf-pro', values: values('a.test') });
    await saveOutcome(record, typeWithLimits, { ok: true, message: 'fine', steps: [] }, 5);
    await saveOutcome(record, typeWithLimits, { ok: false, code: 'INVALID_CREDENTIALS', message: 'rejected', steps: [] }, 5);
    await saveOutcome(record, typeWithLimits, { ok: false, code: 'INVALID_CREDENTIALS', message: 'rejected', steps: [] }, 5);
    expect(created).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(created.mock.calls[0])).toContain('stopped working');
  });

  it('reminds 7 days before expiry exactly once, and counts failing or expiring credentials on the badge', async () => {
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    const now = Date.parse('2026-11-23T12:00:00Z');
    await store.addRecord({ vendor: 'jamf-pro', values: values('a.test'), expiresAt: new Date(now + 6 * 86_400_000).toISOString() });
    await store.addRecord({ vendor: 'jamf-pro', values: values('b.test'), expiresAt: new Date(now + 10 * 86_400_000).toISOString() });
    await store.addRecord({ vendor: 'jamf-pro', values: values('c.test'), expiresAt: new Date(now + 60 * 86_400_000).toISOString() });
    expect((await maintenance(now)).reminded).toBe(1);
    expect((await maintenance(now)).reminded).toBe(0);
    expect(created).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(created.mock.calls[0])).toContain('expires in 6 days');
    expect(await updateBadge(now)).toBe(2); // 6 and 10 days are within 14
    expect(needsAttention({ lastTest: { ok: false } }, now)).toBe(true);
    expect(needsAttention({}, now)).toBe(false);
  });
});

describe('rotation roll-back', () => {
  it('restores the previous values within 7 days, keeps the newer ones, and forgets them after the window', async () => {
    const record = await store.addRecord({ vendor: 'jamf-pro', values: values('a.test', 'first-secret-00000') });
    await store.updateRecord(record.id, { clientSecret: 'second-secret-0000' }, { rotation: true });
    await rollback(record.id);
    expect((await store.openRecord(record.id)).values.clientSecret).toBe('first-secret-00000');
    await rollback(record.id); // and forward again
    expect((await store.openRecord(record.id)).values.clientSecret).toBe('second-secret-0000');
    const later = Date.now() + 8 * 86_400_000;
    expect((await maintenance(later)).pruned).toBe(1);
    await expect(rollback(record.id, new Date(later))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('auto-lock', () => {
  it('locks after the idle minutes, not before', async () => {
    const now = Date.now();
    await touchActivity(now);
    expect(await checkAutoLock(now + 14 * 60_000)).toBe(false);
    expect((await vaultStatus()).state).toBe('unlocked');
    expect(await checkAutoLock(now + 15 * 60_000 + 1)).toBe(true);
    expect((await vaultStatus()).state).toBe('locked');
  });

  it('locks at once when the operating system locks the screen, not when merely idle', async () => {
    await onIdleStateChanged('idle');
    expect((await vaultStatus()).state).toBe('unlocked');
    await onIdleStateChanged('locked');
    expect((await vaultStatus()).state).toBe('locked');
  });
});
