// "Used by": where a credential was filled (origin and date, the names of the fields; never a
// value), kept in the record's clear metadata, newest first, one entry per origin, capped.
import { recordKey } from '../vault/storage-schema';
import { readRecord, writeRecord } from './credential-store';
import { withLock } from './storage-area';

export const USED_BY_LIMIT = 20;

export function recordUse(id: string, origin: string, fields: string[], now = new Date()): Promise<void> {
  return withLock(recordKey(id), async () => {
    const record = await readRecord(id);
    const others = (record.usedBy ?? []).filter((entry) => entry.origin !== origin);
    const usedBy = [{ origin, at: now.toISOString(), fields }, ...others].slice(0, USED_BY_LIMIT);
    await writeRecord({ ...record, usedBy });
  });
}

/** An imported hand-off brings the sender's "Used by" list along. */
export function restoreUsedBy(id: string, usedBy: { origin: string; at: string; fields?: string[] }[]): Promise<void> {
  return withLock(recordKey(id), async () => {
    const record = await readRecord(id);
    await writeRecord({ ...record, usedBy: usedBy.slice(0, USED_BY_LIMIT) });
  });
}
