// After every write to storage, tell the open extension pages which area changed, so they ask
// again instead of polling. One place: start-background.ts hands this every storage.onChanged
// event (fired only after a write succeeded), whoever in the background wrote.
import { browser } from 'wxt/browser';
import { CHANGED_SIGNAL, type ChangedArea, type ChangedSignal } from '../protocol';

/**
 * The area a storage key belongs to; undefined for keys no page shows (schemaVersion, reminders
 * sent, the unlock back-off). Kept short: the background is at its size budget. A test-all result
 * is signalled by its record (cred:); a console page by the tab map; a capture waiting for the side
 * panel (capture-prefill.ts) by its own key.
 */
export function areaOfKey(key: string): ChangedArea | undefined {
  if (key.startsWith('cred:')) return 'credentials';
  if (key.startsWith('audit')) return 'audit';
  if (key.startsWith('vault')) return 'vault';
  if (key === 'consoleTabs') return 'console';
  if (key === 'capturePrefill') return 'prefill';
  if (key === 'settings' || key === 'sites') return key;
  return undefined;
}

const pending = new Set<ChangedArea>();

/**
 * A storage.onChanged listener (managed storage holds no key named here); the signal leaves once
 * per turn of the worker. A vault key rewritten while it exists (the session's activity ping after
 * every request a page makes, a re-wrapped key) changes nothing a page shows; its creation and its
 * removal (unlock, lock) are signalled.
 */
export function noteStorageChanges(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): void {
  for (const key in changes) {
    const area = areaOfKey(key);
    if (!area || (area === 'vault' && changes[key].oldValue && changes[key].newValue)) continue;
    if (!pending.size) setTimeout(sendSignal);
    pending.add(area);
  }
}

function sendSignal(): void {
  const signal: ChangedSignal = { type: CHANGED_SIGNAL, areas: [...pending] };
  pending.clear();
  // runtime.sendMessage reaches extension pages only (content scripts hear tabs.sendMessage).
  // With no page open it rejects ("Receiving end does not exist"): nobody needed the signal.
  browser.runtime.sendMessage(signal).catch(() => undefined);
}
