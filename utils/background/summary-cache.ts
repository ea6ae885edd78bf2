// The credential list, kept for the worker's life: every popup and side panel opening asks for it,
// and reading, parsing and checksumming every record costs tens of milliseconds at 200 credentials.
// Any write to storage.local drops it: this worker's own once it settled (storage-area.ts; a list
// read while it was under way may hold either side of it), anyone else's through storage.onChanged.
import { browser } from 'wxt/browser';
import type { CredentialSummary } from '../protocol';

let cached: Promise<CredentialSummary[]> | undefined;

export const dropSummaries = () => void (cached = undefined);
const onChanged = (_changes: object, area: string) => area == 'local' && dropSummaries();

/** The summaries `build` made since the last write, else `build`'s new answer. */
export function cachedSummaries(build: () => Promise<CredentialSummary[]>): Promise<CredentialSummary[]> {
  // Writes from elsewhere are heard only once the listener is on (first use, or a test's fresh browser).
  if (!browser.storage.onChanged.hasListener(onChanged)) {
    browser.storage.onChanged.addListener(onChanged);
    dropSummaries();
  }
  const answer = (cached ??= build());
  answer.catch(dropSummaries); // a failed read is asked again
  return answer.then((list) => [...list]);
}
