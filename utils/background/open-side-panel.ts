// Open Keyhold's side panel (Chrome) or sidebar (Firefox) from a menu click or a shortcut. Both
// browsers allow it only while handling the admin's gesture, so it is called first, before any
// await. Failures are ignored: the fallback still saves, and the panel can be opened by hand.
import { browser } from 'wxt/browser';

type PanelApis = {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
};

export function openSidePanel(tab?: { id?: number; windowId?: number }): void {
  const api = browser as unknown as PanelApis;
  try {
    if (api.sidePanel) {
      const target = tab?.windowId !== undefined ? { windowId: tab.windowId } : tab?.id !== undefined ? { tabId: tab.id } : undefined;
      if (target) void api.sidePanel.open(target).catch(() => undefined);
    } else {
      void api.sidebarAction?.open().catch(() => undefined);
    }
  } catch {
    // No gesture (or no panel API): nothing to open.
  }
}
