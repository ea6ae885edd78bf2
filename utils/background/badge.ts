// The toolbar badge counts credentials that need attention: failing their last test or expiring
// within 14 days.
import { browser } from 'wxt/browser';
import { listRecords } from './credential-store';
import { reportFailure } from './report-failure';

const SOON_MS = 14 * 86_400_000;

export function needsAttention(record: { lastTest?: { ok: boolean }; expiresAt?: string }, now = Date.now()): boolean {
  if (record.lastTest && !record.lastTest.ok) return true;
  if (record.expiresAt && Date.parse(record.expiresAt) - now < SOON_MS) return true;
  return false;
}

export async function updateBadge(now = Date.now()): Promise<number> {
  // Unreadable storage shows no count rather than a wrong one; the pages report the storage error itself.
  const count = (await listRecords().catch(() => [])).filter((record) => needsAttention(record, now)).length;
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  // The badge is a hint: a browser without it (or closing) must not fail the write that came before.
  await action?.setBadgeText({ text: count ? String(count) : '' }).catch(reportFailure('badge'));
  await action?.setBadgeBackgroundColor({ color: '#b3261e' }).catch(reportFailure('badge'));
  return count;
}
