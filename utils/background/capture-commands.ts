// Keyboard shortcuts of the fallback: save the selected value, open the side panel. Admins change
// the keys at chrome://extensions/shortcuts (Firefox: about:addons → Manage Extension Shortcuts).
// Only these two command names are handled here (the fill feature has its own).
import type { Tabs } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { openSidePanel } from './open-side-panel';
import { saveSelection } from './save-selection';

export const SAVE_SELECTION_COMMAND = 'save-selection';
export const OPEN_SIDE_PANEL_COMMAND = 'open-side-panel';

export function onCaptureCommand(command: string, tab?: Tabs.Tab): Promise<unknown> | undefined {
  if (command !== SAVE_SELECTION_COMMAND && command !== OPEN_SIDE_PANEL_COMMAND) return undefined;
  openSidePanel(tab); // first: the key press is the gesture the panel needs
  if (command === OPEN_SIDE_PANEL_COMMAND || !tab) return undefined;
  return saveSelection({ tab });
}

export function startCaptureCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => void onCaptureCommand(command, tab)?.catch(() => undefined));
}
