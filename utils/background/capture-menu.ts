// "Save to Keyhold" in the context menu of a selection or an editable field, shown only on the
// consoles' fixed hosts and the self-hosted origins the admin enabled (and still granted). Its own
// id, so other menu items (the fill feature) are left alone.
import type { Tabs } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { listSites } from './sites';
import { withLock } from './storage-area';
import { openSidePanel } from './open-side-panel';
import { saveSelection } from './save-selection';
import { hostsGranted, originPattern } from './host-access';
import { storageKeys } from '../vault/storage-schema';
import { t } from '../i18n/translate';

export const CAPTURE_MENU_ID = 'keyhold-save-selection';

/**
 * Where the menu item shows: console hosts plus enabled, granted self-hosted origins. The console
 * hosts are read from the manifest's content scripts (built from the same vendor list,
 * utils/vendors/hosts.ts), so the worker does not bundle the host tables.
 */
export async function captureMenuPatterns(): Promise<string[]> {
  const consoleHosts = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
  const sites: string[] = [];
  for (const site of await listSites().catch(() => [])) {
    if (await hostsGranted([site])) sites.push(originPattern(site));
  }
  return [...new Set([...consoleHosts, ...sites])];
}

/** (Re)create the item with the current patterns; serialised, as installs and grants can overlap. */
export function syncCaptureMenu(): Promise<void> {
  return withLock(CAPTURE_MENU_ID, async () => {
    const documentUrlPatterns = await captureMenuPatterns();
    // Promise.resolve: Chrome's own contextMenus.remove returns a promise only from Chrome 123.
    await Promise.resolve(browser.contextMenus.remove(CAPTURE_MENU_ID)).catch(() => undefined);
    await new Promise<void>((resolve) => {
      browser.contextMenus.create(
        { id: CAPTURE_MENU_ID, title: t('bg.menu.save'), contexts: ['selection', 'editable'], documentUrlPatterns },
        () => resolve(),
      );
    });
  });
}

export function onCaptureMenuClicked(
  info: { menuItemId: string | number; frameId?: number; selectionText?: string },
  tab?: Tabs.Tab,
): Promise<unknown> | undefined {
  if (info.menuItemId !== CAPTURE_MENU_ID || !tab) return undefined;
  openSidePanel(tab); // first: the click is the gesture the panel needs
  return saveSelection({ tab, frameId: info.frameId, selectionText: info.selectionText });
}

/** Listeners for the menu; added at worker start (one line in start-background.ts). */
export function startCaptureMenu(ready: Promise<unknown>): void {
  const sync = () => void ready.then(() => syncCaptureMenu()).catch(() => undefined);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && storageKeys.sites in changes)) sync();
  });
  browser.contextMenus.onClicked.addListener(
    (info, tab) => void onCaptureMenuClicked(info, tab as Tabs.Tab | undefined)?.catch(() => undefined),
  );
}
