// A capture the fallback (context menu, shortcut, or a capture that needs the admin's word) could
// not finish alone: what is known, waiting for the side panel to ask only the missing part. Kept in
// storage.session (memory only, like the unlocked vault key; extension pages only) for a few
// minutes, and handed out once.
import type { CapturePrefill, CredentialTypeId } from '../protocol';
import { session } from './storage-area';

const KEY = 'capturePrefill';
export const PREFILL_TTL_MS = 10 * 60_000;

export async function savePrefill(prefill: {
  tabId?: number;
  vendor: CredentialTypeId;
  values: Record<string, string>;
  ask: string[];
  note: string;
}): Promise<void> {
  // Open pages hear of it through the "changed" signal (area 'prefill'), which carries no value.
  await session.set({ [KEY]: { ...prefill, at: Date.now() } satisfies CapturePrefill });
}

/** The waiting prefill (for this tab when one is named), removed as it is read. */
export async function takePrefill(tabId?: number, now = Date.now()): Promise<CapturePrefill | null> {
  const stored = await session.get<CapturePrefill>(KEY);
  if (!stored) return null;
  if (now - stored.at > PREFILL_TTL_MS) {
    await session.remove(KEY);
    return null;
  }
  if (tabId !== undefined && stored.tabId !== undefined && stored.tabId !== tabId) return null;
  await session.remove(KEY);
  return stored;
}
