// The policy as the background applies it: settings, export and self-hosted origins, with the
// organisation's values in the fake browser's managed storage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { registryMock } from '../../tests/unit/support/fake-vendor';

vi.mock('../vendors/registry', () => registryMock);

const { readSettings, updateSettings } = await import('../background/settings');
const { exportCredentials } = await import('../background/handoff-service');
const { createVault } = await import('../background/vault-service');
const { addRecord } = await import('../background/credential-store');
const { isEnabledSite, listSites, removeSite, syncContentScripts } = await import('../background/sites');
const { checkAutoLock } = await import('../background/auto-lock');
const { generateRecipientKeyPair } = await import('../handoff/handoff');

const PASS = 'a long enough passphrase';
const values = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'secret-number-one-123' };

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('settings under a policy', () => {
  it('reports plain settings, with no policy fields, when there is no policy', async () => {
    expect(await readSettings()).toEqual({ autoLockMinutes: 15, healthCheckHours: 0 });
  });

  it('lets managed values win and says which settings are managed', async () => {
    await fakeBrowser.storage.local.set({ settings: { autoLockMinutes: 120, healthCheckHours: 6 } });
    await fakeBrowser.storage.managed.set({ autoLockMinutesMax: 30, healthCheckHours: 24, hiddenVendors: ['iru'] });
    expect(await readSettings()).toEqual({
      autoLockMinutes: 30,
      healthCheckHours: 24,
      managed: ['autoLockMinutes', 'healthCheckHours'],
      policy: { autoLockMinutesMax: 30, healthCheckHours: 24, hiddenVendors: ['iru'] },
    });
  });

  it('refuses a change the policy overrides and keeps the stored value', async () => {
    await fakeBrowser.storage.managed.set({ autoLockMinutesMin: 5, autoLockMinutesMax: 30 });
    await expect(updateSettings({ autoLockMinutes: 90 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('between 5 and 30'),
    });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toBeUndefined();
    expect((await updateSettings({ autoLockMinutes: 20 })).autoLockMinutes).toBe(20);
  });

  it('keeps the local choice, so it returns when the policy is lifted', async () => {
    await updateSettings({ autoLockMinutes: 60 });
    await fakeBrowser.storage.managed.set({ autoLockMinutesMax: 10 });
    expect((await readSettings()).autoLockMinutes).toBe(10);
    await fakeBrowser.storage.managed.clear();
    expect(await readSettings()).toEqual({ autoLockMinutes: 60, healthCheckHours: 0 });
  });

  it('auto-locks on the managed ceiling, not the longer local delay', async () => {
    await createVault(PASS);
    await updateSettings({ autoLockMinutes: 120 });
    await fakeBrowser.storage.managed.set({ autoLockMinutesMax: 10 });
    const { lastActivityAt } = await import('../background/vault-service');
    const last = (await lastActivityAt())!;
    expect(await checkAutoLock(last + 9 * 60_000)).toBe(false);
    expect(await checkAutoLock(last + 11 * 60_000)).toBe(true);
  });
});

describe('export under a policy', () => {
  async function vaultWithOne(): Promise<string> {
    await createVault(PASS);
    return (await addRecord({ vendor: 'jamf-pro', values })).id;
  }

  it('refuses every export when the organisation turned export off, before opening a record', async () => {
    await createVault(PASS);
    await fakeBrowser.storage.managed.set({ exportAllowed: false });
    await expect(exportCredentials({ ids: ['does-not-exist-1'], passphrase: 'another long passphrase' })).rejects.toMatchObject({
      code: 'EXPORT_NOT_ALLOWED',
    });
  });

  it('with an allow-list, exports to a listed key only and never with a passphrase', async () => {
    const id = await vaultWithOne();
    const listed = await generateRecipientKeyPair();
    const other = await generateRecipientKeyPair();
    await fakeBrowser.storage.managed.set({ exportRecipientKeys: [listed.fingerprint] });

    const result = await exportCredentials({ ids: [id], recipientJwk: JSON.stringify(listed.publicJwk) });
    expect(result).toMatchObject({ count: 1, mode: 'recipient', fingerprint: listed.fingerprint });

    await expect(exportCredentials({ ids: [id], recipientJwk: other.publicKeyPem })).rejects.toMatchObject({
      code: 'EXPORT_NOT_ALLOWED',
      message: expect.stringContaining(other.fingerprint),
    });
    await expect(exportCredentials({ ids: [id], passphrase: 'another long passphrase' })).rejects.toMatchObject({
      code: 'EXPORT_NOT_ALLOWED',
    });
  });
});

describe('self-hosted origins under a policy', () => {
  const MANAGED = 'https://jamf.example.org:8443';
  const OWN = 'https://jamf.other.example';

  function fakeScripting(granted: (pattern: string) => boolean) {
    const registered: { id: string; matches: string[] }[] = [];
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async ({ origins = [] }) => origins.every(granted));
    vi.spyOn(browser.permissions, 'remove').mockResolvedValue(undefined);
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => registered as never);
    vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation(async () => void registered.splice(0));
    vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
      for (const script of scripts) {
        if (registered.some((existing) => existing.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registered.push({ id: script.id, matches: script.matches ?? [] });
      }
    });
    return registered;
  }

  it('lists managed origins with the admin’s own and treats them as enabled', async () => {
    await fakeBrowser.storage.local.set({ sites: [OWN] });
    await fakeBrowser.storage.managed.set({ selfHostedJamfOrigins: [MANAGED] });
    expect(await listSites()).toEqual([OWN, MANAGED]);
    expect(await isEnabledSite(new URL(`${MANAGED}/jamf/view/settings`))).toBe(true);
  });

  it('runs the console script on a managed origin only once the browser granted its host permission', async () => {
    await fakeBrowser.storage.managed.set({ selfHostedJamfOrigins: [MANAGED] });
    let granted = false;
    const registered = fakeScripting((pattern) => granted && pattern === 'https://jamf.example.org/*');
    await syncContentScripts();
    expect(registered).toEqual([]);
    granted = true;
    await syncContentScripts();
    expect(registered).toEqual([{ id: 'keyhold-self-hosted', matches: ['https://jamf.example.org/*'] }]);
  });

  it('serialises concurrent resyncs (a permission grant and sites.enable race)', async () => {
    await fakeBrowser.storage.managed.set({ selfHostedJamfOrigins: [MANAGED] });
    const registered = fakeScripting(() => true);
    await Promise.all([syncContentScripts(), syncContentScripts(), syncContentScripts()]);
    expect(registered).toHaveLength(1);
  });

  it('refuses to remove a managed origin and keeps its permission', async () => {
    await fakeBrowser.storage.managed.set({ selfHostedJamfOrigins: [MANAGED] });
    fakeScripting(() => true);
    await expect(removeSite(MANAGED)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('policy') });
    expect(browser.permissions.remove).not.toHaveBeenCalled();
    expect(await listSites()).toEqual([MANAGED]);
  });
});
