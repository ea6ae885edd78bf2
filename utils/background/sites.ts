// Self-hosted consoles: origins the admin enabled at runtime. The permission itself is requested
// by the page from the admin's click; here we confirm what the origin is, remember it and run the
// content script there.
import { browser } from 'wxt/browser';
import { KeyholdError } from '../errors';
import { createHttpClient } from '../http/http-client';
import { sitesSchema, storageKeys } from '../vault/storage-schema';
import { vendorModules } from '../vendors/registry';
import { local, withLock } from './storage-area';
import { originPattern } from './test-runner';

const SCRIPT_ID = 'keyhold-self-hosted';
const CONTENT_SCRIPT_FILE = '/content-scripts/console.js';

export async function listSites(): Promise<string[]> {
  const parsed = sitesSchema.safeParse((await local.get(storageKeys.sites)) ?? []);
  return parsed.success ? parsed.data : [];
}

export async function enableSite(origin: string, tabId?: number): Promise<{ origin: string; console: 'jamf-pro' | null }> {
  const normalised = new URL(origin).origin;
  const granted = await browser.permissions.contains({ origins: [originPattern(normalised)] });
  if (!granted) {
    throw new KeyholdError('HOST_PERMISSION_REQUIRED', `Keyhold was not given access to ${normalised}. Click “Use Keyhold on this site” and allow it.`);
  }
  const http = createHttpClient();
  let confirmed: 'jamf-pro' | null = null;
  for (const vendor of vendorModules) {
    if (vendor.selfHosted && (await vendor.selfHosted.confirm(normalised, http).catch(() => false))) {
      confirmed = vendor.console.id as 'jamf-pro';
      break;
    }
  }
  await withLock(storageKeys.sites, async () => {
    const sites = await listSites();
    if (!sites.includes(normalised)) await local.set({ [storageKeys.sites]: [...sites, normalised] });
  });
  await syncContentScripts();
  if (tabId !== undefined && confirmed) {
    // Start on the page the admin is looking at, without a reload.
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
  }
  return { origin: normalised, console: confirmed };
}

export async function removeSite(origin: string): Promise<void> {
  const normalised = new URL(origin).origin;
  await withLock(storageKeys.sites, async () => {
    const sites = await listSites();
    await local.set({ [storageKeys.sites]: sites.filter((site) => site !== normalised) });
  });
  await browser.permissions.remove({ origins: [originPattern(normalised)] }).catch(() => false);
  await syncContentScripts();
}

/** Register the console script on every enabled origin that still has its permission. */
export async function syncContentScripts(): Promise<void> {
  const sites = await listSites();
  const allowed: string[] = [];
  for (const site of sites) {
    if (await browser.permissions.contains({ origins: [originPattern(site)] }).catch(() => false)) allowed.push(site);
  }
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!allowed.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: allowed.map(originPattern),
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

export async function isEnabledSite(url: URL): Promise<boolean> {
  return (await listSites()).includes(url.origin);
}
