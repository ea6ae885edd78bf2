// Self-hosted consoles (those whose facts say `selfHostable`, each confirming a server through its
// vendor module's `selfHosted.confirm`): origins the admin enabled at runtime, plus those the
// organisation's policy lists (selfHostedJamfOrigins: the policy key predates other self-hostable
// consoles and is kept, since deployed policies use it). The permission itself is requested by the page from the admin's
// click; here we confirm what the origin is, remember it and run the content script there. A
// managed origin needs no confirmation, but no policy can grant its host permission: it becomes
// active once the browser has that permission (docs/policy/README.md).
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { KeyholdError } from '../errors';
import { createHttpClient } from '../http/http-client';
import { readPolicy } from '../policy/policy';
import { sitesSchema, storageKeys } from '../vault/storage-schema';
import { vendorModules } from '../vendors/registry';
import { contentScriptFile } from '../vendors/content-scripts';
import { selfHostableConsoleIds, type ConsoleId } from '../vendors/vendor-ids';
import { local, withLock } from './storage-area';
import { hostsGranted, originPattern } from './host-access';
import { t } from '../i18n/translate';

const SCRIPT_ID = 'keyhold-self-hosted';
/** The scripts of the self-hostable consoles' families: a stored origin does not say which console it is. */
export const selfHostedScriptFiles = (): string[] => [...new Set(selfHostableConsoleIds().map(contentScriptFile))];

/** Every enabled origin: the admin's own, then the organisation's. */
export async function listSites(): Promise<string[]> {
  const [own, managed] = await Promise.all([storedSites(), managedSites()]);
  return [...new Set([...own, ...managed])];
}

/** Origins the organisation enabled by policy. */
export async function managedSites(): Promise<string[]> {
  return (await readPolicy()).selfHostedJamfOrigins ?? [];
}

async function storedSites(): Promise<string[]> {
  const parsed = sitesSchema.safeParse((await local.get(storageKeys.sites)) ?? []);
  return parsed.success ? parsed.data : [];
}

export async function enableSite(origin: string, page: { pageUrl?: string; tabId?: number } = {}): Promise<{ origin: string; console: ConsoleId | null }> {
  const { tabId } = page;
  const normalised = new URL(origin).origin;
  if (!(await hostsGranted([normalised]))) {
    throw new KeyholdError('HOST_PERMISSION_REQUIRED', t('bg.site.notGranted', [normalised]));
  }
  const http = createHttpClient();
  let confirmed: ConsoleId | null = null;
  for (const vendor of vendorModules) {
    // The page URL carries the context path (Jamf Pro's /jamf); it must be on the origin being enabled.
    const pageUrl = page.pageUrl && safeOrigin(page.pageUrl) === normalised ? page.pageUrl : normalised;
    // An origin that cannot be reached or does not answer like the console is simply not confirmed.
    if (vendor.selfHosted && (await vendor.selfHosted.confirm(pageUrl, http).catch(() => false))) {
      confirmed = vendor.console.id;
      break;
    }
  }
  // Not a Jamf Pro: no console script there, and no capture claiming to come from one.
  if (!confirmed) {
    throw new KeyholdError(
      'UNEXPECTED_RESPONSE',
      t('bg.site.notJamf', [normalised]),
    );
  }
  await withLock(storageKeys.sites, async () => {
    const sites = await storedSites();
    if (!sites.includes(normalised)) await local.set({ [storageKeys.sites]: [...sites, normalised] });
  });
  await syncContentScripts();
  if (tabId !== undefined) {
    // Start on the page the admin is looking at, without a reload.
    // The tab may have closed or navigated away; the registered script covers its next load.
    await browser.scripting.executeScript({ target: { tabId }, files: [contentScriptFile(confirmed) as ScriptPublicPath] }).catch(() => undefined);
  }
  return { origin: normalised, console: confirmed };
}

export async function removeSite(origin: string): Promise<void> {
  const normalised = new URL(origin).origin;
  if ((await managedSites()).includes(normalised)) {
    throw new KeyholdError('INVALID_INPUT', t('bg.site.managed', [normalised]));
  }
  await withLock(storageKeys.sites, async () => {
    const sites = await storedSites();
    await local.set({ [storageKeys.sites]: sites.filter((site) => site !== normalised) });
  });
  // A permission the browser or policy holds is not ours to drop; the site is gone from the list either way.
  await browser.permissions.remove({ origins: [originPattern(normalised)] }).catch(() => false);
  await syncContentScripts();
}

/** Register the console script on every enabled origin that still has its permission. */
export function syncContentScripts(): Promise<void> {
  // Serialised: a permission grant and the sites.enable that follows it both resync, and two
  // interleaved runs would register the same script id twice.
  return withLock(SCRIPT_ID, registerOnEnabledSites);
}

async function registerOnEnabledSites(): Promise<void> {
  const sites = await listSites();
  const allowed: string[] = [];
  for (const site of sites) {
    // A malformed stored origin is treated as not granted: no script is registered for it.
    if (await hostsGranted([site])) allowed.push(site);
  }
  // An unknown id throws in some versions: nothing registered yet.
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!allowed.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: allowed.map(originPattern),
      js: selfHostedScriptFiles(),
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

export async function isEnabledSite(url: URL): Promise<boolean> {
  return (await listSites()).includes(url.origin);
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
