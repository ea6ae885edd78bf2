// A local, append-only record of what happened to which credential: never a value, only the event,
// the time, the credential's label and vendor. Capped so it cannot grow without bound, and kept in
// pages (storage-schema.ts) so that noting one event writes a few kilobytes, not the whole log.
import { z } from '../zod';
import { auditPageKey, fileAuditPages, AUDIT_PAGE_SIZE, storageKeys } from '../vault/storage-schema';
import { local, withLock } from './storage-area';

export const AUDIT_LIMIT = 5000;

export const auditEvents = [
  'vault-created',
  'vault-unlocked',
  'vault-deleted',
  'passphrase-changed',
  'captured',
  'added',
  'updated',
  'rotated',
  'rolled-back',
  'revealed',
  'copied',
  'tested',
  'exported',
  'imported',
  'deleted',
  'filled',
] as const;
export type AuditEvent = (typeof auditEvents)[number];

export const auditEntrySchema = z.object({
  at: z.string(),
  event: z.enum(auditEvents),
  label: z.optional(z.string().check(z.maxLength(200))),
  vendor: z.optional(z.string().check(z.maxLength(40))),
  detail: z.optional(z.string().check(z.maxLength(300))),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export async function appendAudit(entry: Omit<AuditEntry, 'at'>, now = new Date()): Promise<void> {
  const parsed = auditEntrySchema.parse({ ...entry, at: now.toISOString() });
  await withLock(storageKeys.audit, async () => {
    // Only the current page is read and written; older entries are checked when read, not here.
    const stored = await local.get<unknown[]>(storageKeys.audit);
    const current = Array.isArray(stored) ? [...stored, parsed] : [parsed];
    if (current.length < AUDIT_PAGE_SIZE) return local.set({ [storageKeys.audit]: current });
    const { set, remove } = fileAuditPages(current, await filedPages());
    await local.set(set);
    // A crash before this leaves a page no index names: never read, and at most one page of space.
    if (remove.length) await local.remove(remove);
  });
}

/** Entries oldest first; a damaged entry is skipped rather than taking the log down. */
export async function readAudit(): Promise<AuditEntry[]> {
  const pages = await filedPages();
  const keys = [...pages.map(auditPageKey), storageKeys.audit];
  const stored = await local.getMany(keys);
  return keys
    .flatMap((key) => (Array.isArray(stored[key]) ? (stored[key] as unknown[]) : []))
    .flatMap((entry) => {
      const result = auditEntrySchema.safeParse(entry);
      return result.success ? [result.data] : [];
    })
    .slice(-AUDIT_LIMIT);
}

async function filedPages(): Promise<number[]> {
  const index = await local.get<unknown>(storageKeys.auditPages);
  return Array.isArray(index) ? index.filter((n): n is number => Number.isSafeInteger(n) && n > 0) : [];
}
