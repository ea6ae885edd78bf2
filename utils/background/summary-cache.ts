// The credential list, kept for the worker's life: every popup and side panel opening asks for it,
// and reading, parsing and checksumming every record costs tens of milliseconds at 200 credentials.
// Any write to storage.local drops it: this worker's own once it settled (storage-area.ts; a list
// read while it was under way may hold either side of it), anyone else's through storage.onChanged.
import type { CredentialSummary } from '../protocol';
import { watchStorage } from './storage-watch';

let cached: Promise<CredentialSummary[]> | undefined;

export const dropSummaries = () => void (cached = undefined);
const heard = watchStorage({ changed: (_changes, area) => area == 'local' && dropSummaries(), drop: dropSummaries });

/** The summaries `build` made since the last write, else `build`'s new answer. */
export function cachedSummaries(build: () => Promise<CredentialSummary[]>): Promise<CredentialSummary[]> {
  heard(); // writes from elsewhere are heard from here on (storage-watch.ts)
  const answer = (cached ??= build());
  answer.catch(dropSummaries); // a failed read is asked again
  return answer.then((list) => [...list]);
}
