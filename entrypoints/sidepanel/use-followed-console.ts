import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/protocol';
import { useKeyholdData } from '@/components/use-keyhold-data';

/** The tab this panel follows: ?tab=N when opened as a page, else the active tab of its window. */
export async function followedTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id;
}

/**
 * The console state of the followed tab: asked again when the background records a console page
 * ('console' signal), when the admin switches or navigates tabs, and on focus. No timer.
 */
export function useFollowedConsole() {
  const state = useKeyholdData(async () => sendMessage('console.state', { tabId: await followedTabId() }), ['console']);
  const { reload } = state;
  useEffect(() => {
    const onActivated = () => void reload();
    const onUpdated = (_tabId: number, change: { url?: string; status?: string }) => {
      if (change.url || change.status === 'complete') void reload();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [reload]);
  return state;
}
