// A local, append-only record of what happened to which credential: never a value, only the event,
// the time, the credential's label and vendor. Capped so it cannot grow without bound.
import { z } from '../zod';
import { storageKeys } from '../vault/storage-schema';
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
  await withLock(storageKeys.audit, async () => {
    const list = await readAudit();
    list.push(auditEntrySchema.parse({ ...entry, at: now.toISOString() }));
    await local.set({ [storageKeys.audit]: list.slice(-AUDIT_LIMIT) });
  });
}

/** Entries oldest first; a damaged entry is skipped rather than taking the log down. */
export async function readAudit(): Promise<AuditEntry[]> {
  const raw = await local.get<unknown[]>(storageKeys.audit);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = auditEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
