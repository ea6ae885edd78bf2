// Stored credential records as this worker last wrote them, so testing, revealing or copying a
// credential does not wait for storage.local first (every test, capture and update rewrites its
// record). A record is sealed (ciphertext and clear metadata, never a value), so this holds nothing
// storage does not. Kept exact:
// - a write holds what it writes as it starts, and forgets it if the write fails;
// - storage.onChanged forgets a record whose new value is not the one held (another context wrote
//   it, or the profile was edited), so damage is still found by its checksum;
// - a read never adds to it, so a read that raced a write cannot bring an older record back.
// Trusted only while that listener is on (storage-watch.ts); a restarted worker starts empty.
import { canonicalJson } from '../vault/integrity';
import { storageKeys } from '../vault/storage-schema';
import { watchStorage } from './storage-watch';

/** Each record held, as canonical JSON: a read gets its own copy, and comparing is comparing text. */
const held = new Map<string, string>();

const heard = watchStorage({
  changed: (changes, area) => {
    if (area != 'local') return;
    for (const key in changes) if (held.has(key) && held.get(key) !== canonicalJson(changes[key].newValue)) held.delete(key);
  },
  drop: () => held.clear(),
});

/** A copy of the record this worker last wrote at `key`, if storage still holds it. */
export function mirrored(key: string): unknown {
  const text = heard() ? held.get(key) : undefined;
  return text === undefined ? undefined : JSON.parse(text);
}

/** A write of `items` is starting: its records are held as written from now; call what it returns if the write fails. */
export function writing(items: Record<string, unknown>): () => void {
  const keys = Object.keys(items).filter((key) => key.startsWith(storageKeys.recordPrefix));
  for (const key of keys) held.set(key, canonicalJson(items[key]));
  return () => keys.forEach(forget);
}

export const forget = (key: string) => held.delete(key);
