import { browser } from 'wxt/browser';
import { detectConsoleByUrl } from '@/utils/vendors/detector-registry';
import type { ConsoleId } from '@/utils/protocol';

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
  return { id: tab.id, windowId: tab.windowId, url, console: found ? { id: found.console.id, name: found.console.name, tenant: found.match.tenant } : undefined };
}
