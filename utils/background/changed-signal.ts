// After every write to storage, tell the open extension pages which area changed, so they ask
// again instead of polling. One place: storage-area.ts calls this for each successful set/remove.
import { browser } from 'wxt/browser';
import { CHANGED_SIGNAL, type ChangedArea, type ChangedSignal } from '../protocol';

const exact: Record<string, ChangedArea> = {
  vault: 'vault',
  unlockGuard: 'vault',
  vaultSession: 'vault',
  settings: 'settings',
  sites: 'sites',
  audit: 'audit',
  auditPages: 'audit',
  testAllProgress: 'credentials',
  consoleTabs: 'console',
  lastConsoleTab: 'console',
};

/** The area a storage key belongs to; undefined for keys no page shows (schemaVersion, reminders sent). */
export function areaOfKey(key: string): ChangedArea | undefined {
  if (key.startsWith('cred:')) return 'credentials';
  if (key.startsWith('audit:')) return 'audit';
  return Object.hasOwn(exact, key) ? exact[key] : undefined;
}

/**
 * An activity ping rewrites the vault session with a later `lastActivityAt` (after every request
 * a page makes); nothing a page shows changes, so it is not signalled. A new session starts with
 * both times equal, and a lock removes the key: both are signalled.
 */
function isActivityPing(key: string, value: unknown): boolean {
  const session = value as { unlockedAt?: unknown; lastActivityAt?: unknown } | null;
  return key === 'vaultSession' && typeof session?.lastActivityAt === 'number' && session.lastActivityAt !== session.unlockedAt;
}

const pending = new Set<ChangedArea>();

/** Note written (items) or removed (keys) storage; the signal leaves once per turn of the worker. */
export function noteStorageWrite(items: Record<string, unknown> | string | string[]): void {
  const entries = typeof items === 'string' ? [[items]] : Array.isArray(items) ? items.map((key) => [key]) : Object.entries(items);
  const before = pending.size;
  for (const [key, value] of entries) {
    const area = areaOfKey(key as string);
    if (area && !isActivityPing(key as string, value)) pending.add(area);
  }
  if (before === 0 && pending.size > 0) setTimeout(sendSignal, 0);
}

function sendSignal(): void {
  const signal: ChangedSignal = { type: CHANGED_SIGNAL, areas: [...pending] };
  pending.clear();
  // runtime.sendMessage reaches extension pages only (content scripts hear tabs.sendMessage).
  // With no page open it rejects ("Receiving end does not exist"): nobody needed the signal.
  browser.runtime.sendMessage(signal).catch(() => undefined);
}
