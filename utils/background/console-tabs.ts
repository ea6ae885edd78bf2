// Which console each tab shows and the guide step it is on, as reported by the content script.
// Kept in storage.session (the worker may be stopped at any time) so the side panel can follow.
import type { ConsoleTabState } from '../protocol';
import { detectConsole, vendorOfConsole } from '../vendors/registry';
import { session } from './storage-area';

const KEY = 'consoleTabs';
const LAST_KEY = 'lastConsoleTab';
const TEMPLATES_KEY = 'selectedTemplates';

type TabMap = Record<string, ConsoleTabState>;

export async function recordConsoleTab(state: Omit<ConsoleTabState, 'consoleName' | 'seenAt' | 'hints'>): Promise<void> {
  const tabs = (await session.get<TabMap>(KEY)) ?? {};
  const name = vendorOfConsole(state.consoleId)?.console.name ?? state.consoleId;
  tabs[String(state.tabId)] = { ...state, consoleName: name, hints: urlHints(state.url), seenAt: Date.now() };
  await session.set({ [KEY]: tabs, [LAST_KEY]: state.tabId });
}

export async function forgetTab(tabId: number): Promise<void> {
  const tabs = (await session.get<TabMap>(KEY)) ?? {};
  if (!(String(tabId) in tabs)) return;
  delete tabs[String(tabId)];
  await session.set({ [KEY]: tabs });
}

export async function markTabActive(tabId: number): Promise<void> {
  const tabs = (await session.get<TabMap>(KEY)) ?? {};
  if (String(tabId) in tabs) await session.set({ [LAST_KEY]: tabId });
}

/** The state of a given tab, or of the console tab the admin used last. */
export async function consoleState(tabId?: number): Promise<ConsoleTabState | null> {
  const tabs = (await session.get<TabMap>(KEY)) ?? {};
  if (tabId !== undefined && tabs[String(tabId)]) return tabs[String(tabId)];
  const last = await session.get<number>(LAST_KEY);
  return last !== undefined ? (tabs[String(last)] ?? null) : null;
}

/** The integration template the admin picked in the guide, per console: captures are tested against it. */
export async function selectTemplate(consoleId: string, template: string): Promise<void> {
  const selected = (await session.get<Record<string, string>>(TEMPLATES_KEY)) ?? {};
  await session.set({ [TEMPLATES_KEY]: { ...selected, [consoleId]: template } });
}

export async function selectedTemplate(consoleId: string): Promise<string | undefined> {
  return (await session.get<Record<string, string>>(TEMPLATES_KEY))?.[consoleId];
}

/** What the console's URL tells (server URL, region, API URL): pages prefill forms with it. */
function urlHints(url: string): Record<string, string> {
  try {
    const parsed = new URL(url);
    return (detectConsole(parsed) ?? detectConsole(parsed, { selfHosted: true }))?.match.hints ?? {};
  } catch {
    return {}; // not a URL: nothing to tell
  }
}
