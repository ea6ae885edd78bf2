import { browser } from 'wxt/browser';
import { detectConsoleByUrl } from '@/utils/vendors/detector-registry';
import { sendMessage, type ConsoleId } from '@/utils/protocol';

export interface CurrentTab {
  id?: number;
  windowId?: number;
  url?: URL;
  console?: { id: ConsoleId; name: string; tenant: string };
}

/** The tab the popup was opened on and, when known, its console. */
export async function currentTab(): Promise<CurrentTab> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab) return {};
  let url: URL | undefined;
  try {
    url = tab.url ? new URL(tab.url) : undefined;
  } catch {
    url = undefined;
  }
  const found = url ? detectConsoleByUrl(url) : null;
  // The page's own report wins: it read the document too (Jamf School and Jamf Pro share a host).
  const observed = tab.id === undefined ? null : await sendMessage('console.state', { tabId: tab.id }).catch(() => null);
  const own = observed && observed.tabId === tab.id ? { id: observed.consoleId, name: observed.consoleName, tenant: observed.tenant } : undefined;
  return {
    id: tab.id,
    windowId: tab.windowId,
    url,
    console: own ?? (found ? { id: found.console.id, name: found.console.name, tenant: found.match.tenant } : undefined),
  };
}
