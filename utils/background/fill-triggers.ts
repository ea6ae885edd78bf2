// The two gestures besides the popup that start a fill: "Fill with Keyhold" in the context menu
// of an editable field, and the "fill-page" keyboard command. Both grant activeTab on that tab.
import { browser } from 'wxt/browser';
import { startFill } from './fill-service';
import { t } from '../i18n/translate';

export const FILL_MENU_ID = 'keyhold-fill';
export const FILL_COMMAND = 'fill-page';

type Menus = {
  create(options: object): unknown;
  onClicked: {
    addListener(
      listener: (info: { menuItemId: string | number; frameId?: number; frameUrl?: string }, tab?: { id?: number }) => void,
    ): void;
  };
};
const menus = () => (browser as unknown as { contextMenus?: Menus }).contextMenus;

/** Listeners, added in the worker's first turn. */
export function listenForFillGestures(): void {
  menus()?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FILL_MENU_ID && tab?.id !== undefined)
      void startFill(tab.id, info.frameId ?? 0, info.frameUrl).catch(() => undefined);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === FILL_COMMAND && tab?.id !== undefined) void startFill(tab.id).catch(() => undefined);
  });
}

/** The menu item itself, created at install and start-up. */
export function createFillMenu(): void {
  try {
    menus()?.create({
      id: FILL_MENU_ID,
      title: t('bg.menu.fill'),
      contexts: ['editable'],
      documentUrlPatterns: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    });
  } catch {
    // Already there (a second start-up in the same session).
  }
}
