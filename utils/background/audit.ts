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

export type AuditInput = Omit<AuditEntry, 'at'>;

export async function appendAudit(entry: AuditInput, now = new Date()): Promise<void> {
  await commitWithAudit(entry, [], async () => ({}), now);
}

/**
 * One read and one write for a change and its audit entry: reads `keys` with the log's current
 * page, lets `build` turn what it read into items to store, and stores them together with the
 * entry. Only the current page is read and written; older entries are checked when read.
 */
export async function commitWithAudit<T extends Record<string, unknown>>(
  entry: AuditInput | undefined,
  keys: string[],
  build: (stored: Record<string, unknown>) => Promise<T>,
  now = new Date(),
): Promise<T> {
  if (!entry) {
    const items = await build(await local.getMany(keys));
    if (Object.keys(items).length) await local.set(items);
    return items;
  }
  const parsed = auditEntrySchema.parse({ ...entry, at: now.toISOString() });
  return withLock(storageKeys.audit, async () => {
    const stored = await local.getMany([...keys, storageKeys.audit]);
    const items = await build(stored);
    const page = stored[storageKeys.audit];
    const current = Array.isArray(page) ? [...page, parsed] : [parsed];
    const { set, remove } =
      current.length < AUDIT_PAGE_SIZE
        ? { set: { [storageKeys.audit]: current }, remove: [] }
        : fileAuditPages(current, await filedPages());
    await local.set({ ...items, ...set });
    // A crash before this leaves a page no index names: never read, and at most one page of space.
    if (remove.length) await local.remove(remove);
    return items;
  });
}

/**
 * The newest `limit` entries, oldest first; a damaged entry is skipped rather than taking the log
 * down. Only the filed pages that can hold them are read: a page showing the last few hundred
 * events does not read and check all 5,000 on every change.
 */
export async function readAudit(limit = AUDIT_LIMIT): Promise<AuditEntry[]> {
  const pages = await filedPages();
  const keys = [...pages.slice(-Math.ceil(limit / AUDIT_PAGE_SIZE)).map(auditPageKey), storageKeys.audit];
  const stored = await local.getMany(keys);
  return keys
    .flatMap((key) => (Array.isArray(stored[key]) ? (stored[key] as unknown[]) : []))
    .flatMap((entry) => {
      const result = auditEntrySchema.safeParse(entry);
      return result.success ? [result.data] : [];
    })
    .slice(-limit);
}

async function filedPages(): Promise<number[]> {
  const index = await local.get<unknown>(storageKeys.auditPages);
  return Array.isArray(index) ? index.filter((n): n is number => Number.isSafeInteger(n) && n > 0) : [];
}
