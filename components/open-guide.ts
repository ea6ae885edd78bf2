import { browser } from 'wxt/browser';

type SidePanelApi = { open(options: { windowId?: number; tabId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/** Open the guide beside the page: Chrome's side panel, Firefox's sidebar, else a tab. */
export async function openGuide(windowId?: number, tabId?: number): Promise<void> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarApi };
  try {
    if (api.sidePanel && windowId !== undefined) {
      await api.sidePanel.open({ windowId });
      window.close();
      return;
    }
    if (api.sidebarAction) {
      await api.sidebarAction.open();
      window.close();
      return;
    }
  } catch {
    // Fall through to a tab.
  }
  await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${tabId !== undefined ? `?tab=${tabId}` : ''}`) });
}
