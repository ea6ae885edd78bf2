// What Keyhold keeps in storage.local, per schema version. Every record is zod-validated on read;
// a record that fails is flagged as damaged and never takes the others down with it.
//
// v1 (0.0.x): one `credentials` array holding every record. One damaged entry or one oversized
//             write touched them all, so v2 split it.
// v2: one key per record (`cred:<id>`), metadata kept in clear for listing, values sealed.
// v3: the audit log in pages. v2 kept all of it (up to 5,000 entries, about 1 MB) under
//             `audit`, rewritten whole for every event: a test took 150 ms longer on a full log.
//             Now `audit` holds the newest entries (fewer than 250); each full page is filed as
//             `audit:<n>`, listed oldest first in `auditPages`; past 20 pages the oldest goes.
// v4 (current): an identity index, `ident:<identity hash>` → record id, so a capture finds the
//             credential it rotates with one read instead of reading and checking every record.
//             It holds nothing the records do not already show in clear (see docs/security.md).
import { preprocess, transform, z } from '../zod';
import { int } from '../zod-formats';
import { clampReport, oneLine } from '../untrusted-text';
import { credentialTypeIds } from '../protocol';
import { vaultMetaSchema } from './vault-crypto';
import { t } from '../i18n/translate';

export const CURRENT_SCHEMA_VERSION = 4;

const credentialTypeId = z.enum(credentialTypeIds);

export const storageKeys = {
  schemaVersion: 'schemaVersion',
  vault: 'vault',
  settings: 'settings',
  sites: 'sites',
  unlockGuard: 'unlockGuard',
  audit: 'audit',
  auditPages: 'auditPages',
  auditPagePrefix: 'audit:',
  recordPrefix: 'cred:',
  identityPrefix: 'ident:',
  rekey: 'rekey',
} as const;

export const recordKey = (id: string) => `${storageKeys.recordPrefix}${id}`;
export const identityKey = (identity: string) => `${storageKeys.identityPrefix}${identity}`;

/** The keys that belong to the vault itself (deleted with it); settings, sites and the audit log stay. */
export const isVaultKey = (key: string) =>
  key === storageKeys.vault ||
  key === storageKeys.unlockGuard ||
  key === storageKeys.rekey ||
  key.startsWith(storageKeys.recordPrefix) ||
  key.startsWith(storageKeys.identityPrefix);

/** Entries per audit page; 20 filed pages and the current one always hold the last 5,000 entries. */
export const AUDIT_PAGE_SIZE = 250;
export const AUDIT_FILED_PAGES = 20;
export const auditPageKey = (page: number) => `${storageKeys.auditPagePrefix}${page}`;

/**
 * File full pages of the newest entries (`current`, oldest first) after the filed pages `filed`:
 * what to write (the new pages, the index, the remainder as the current page) and which pages
 * fall off the end. Used by every append that fills a page and by the v2 → v3 migration.
 */
export function fileAuditPages(current: unknown[], filed: number[]): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  const pages = [...filed];
  let next = (pages.at(-1) ?? 0) + 1;
  let at = 0;
  for (; at + AUDIT_PAGE_SIZE <= current.length; at += AUDIT_PAGE_SIZE) {
    set[auditPageKey(next)] = current.slice(at, at + AUDIT_PAGE_SIZE);
    pages.push(next++);
  }
  const dropped = pages.splice(0, Math.max(0, pages.length - AUDIT_FILED_PAGES));
  for (const page of dropped) delete set[auditPageKey(page)];
  set[storageKeys.auditPages] = pages;
  set[storageKeys.audit] = current.slice(at);
  return { set, remove: dropped.filter((page) => filed.includes(page)).map(auditPageKey) };
}

const compactJwe = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/), z.maxLength(200_000));
const macText = z.string().check(z.regex(/^[A-Za-z0-9+/]{43}=$/));
const isoDate = z.string().check(z.refine((text) => !Number.isNaN(Date.parse(text)), { error: () => t('bg.shape.notDate') }));

export const storedTestReportSchema = z.looseObject({
  ok: z.boolean(),
  code: z.optional(z.string()),
  message: z.string().check(z.maxLength(2000)),
  steps: z.array(z.object({ name: z.string(), ok: z.boolean(), status: z.optional(z.number()), ms: z.number() })).check(z.maxLength(50)),
  permissions: z.optional(z.array(z.object({ name: z.string(), granted: z.boolean() })).check(z.maxLength(100))),
  tokenExpiresIn: z.optional(z.number()),
  details: z.optional(z.record(z.string(), z.unknown())),
  testedAt: z.optional(z.string()),
});

export const testHistoryEntrySchema = z.object({
  at: isoDate,
  ok: z.boolean(),
  code: z.optional(z.string()),
  ms: z.number(),
});

export const credentialRecordV1Schema = z.object({
  id: z.string(),
  vendor: credentialTypeId,
  label: z.string(),
  capturedAt: isoDate,
  source: z.optional(z.object({ url: z.string() })),
  sealed: compactJwe,
});

// Loose, so optional clear metadata added later (say `usedBy`) does not make a record unreadable;
// a damaged key name is still caught, by `check`, the checksum over the whole stored object
// (utils/vault/integrity.ts). Records written before it existed have none until their next write.
export const credentialRecordSchema = z.looseObject({
  v: z.literal(2),
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  vendor: credentialTypeId,
  // One line whatever older versions stored (they took control characters; the checksum is of the raw record).
  label: z.pipe(z.string().check(z.minLength(1), z.maxLength(200)), transform(oneLine)),
  template: z.optional(z.string().check(z.maxLength(60))),
  capturedAt: isoDate,
  updatedAt: isoDate,
  rotatedAt: z.optional(isoDate),
  source: z.optional(z.object({ url: z.string().check(z.maxLength(2000)) })),
  expiresAt: z.optional(isoDate),
  /** The client ID admins know it by (its type's `publicId` field), for search; '' when it has none. */
  clientId: z.optional(z.string().check(z.maxLength(200))),
  /** SHA-256 of the vendor's non-secret identity (client ID + server…); '' until known. */
  identity: z.string().check(z.regex(/^([0-9a-f]{64})?$/)),
  /** Names of the fields the sealed values hold (never the values). */
  fields: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)),
  missing: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20))),
  sealed: compactJwe,
  /** Updates sealed while the vault was locked, applied in order on open, folded at the next unlock. */
  patches: z.optional(z.array(compactJwe).check(z.maxLength(40))),
  /** What each patch is, in clear (when, from which page, which fields; never a value), same order. */
  pending: z.optional(
    z
      .array(
        z.object({
          at: isoDate,
          source: z.optional(z.object({ url: z.string().check(z.maxLength(2000)) })),
          fields: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)),
        }),
      )
      .check(z.maxLength(40)),
  ),
  /** The values before the last rotation, kept sealed for a roll-back window. */
  previous: z.optional(
    z.object({
      sealed: compactJwe,
      patches: z.optional(z.array(compactJwe).check(z.maxLength(20))),
      replacedAt: isoDate,
      keepUntil: isoDate,
      /** The vault's MAC over the record id and these sealed values (see `mac`). */
      mac: z.optional(macText),
    }),
  ),
  /**
   * The vault's MAC (HMAC-SHA256, key derived from the private key) over what the admin confirmed:
   * id, vendor, identity, label, template and the sealed values. Absent or wrong: the record was
   * added while locked, or changed outside Keyhold, and is shown for confirmation before any use.
   */
  mac: z.optional(macText),
  // Cut to size on every write and read (utils/untrusted-text.ts): a second line behind the test runner.
  lastTest: z.optional(
    z.pipe(
      storedTestReportSchema,
      transform((report) => clampReport(report)),
    ),
  ),
  history: z.optional(z.array(testHistoryEntrySchema).check(z.maxLength(20))),
  /** Destinations the credential was filled on (origin and date only; utils/background/used-by.ts). */
  usedBy: z.optional(
    z.array(z.object({ origin: z.string().check(z.maxLength(300)), at: isoDate, fields: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(12))) })).check(z.maxLength(20)),
  ),
  /** Set by a migration: fields/identity are recomputed at the next unlock. */
  needsRefresh: z.optional(z.boolean()),
  check: z.optional(z.string()),
});
export type CredentialRecord = z.infer<typeof credentialRecordSchema>;

/** A missing setting reads as its default (z._default's rule, through the pipe the schemas already use). */
const withDefault = <T extends z.ZodMiniType>(schema: T, fallback: z.output<T>) =>
  preprocess((value) => (value === undefined ? fallback : value), schema);

export const settingsSchema = z.object({
  autoLockMinutes: withDefault(z.number().check(int(), z.gte(1), z.lte(1440)), 15),
  /** Scheduled "Test all" every N hours; 0 is off (the default). */
  healthCheckHours: withDefault(z.number().check(int(), z.gte(0), z.lte(168)), 0),
});

export const sitesSchema = z.array(z.string().check(z.regex(/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/i))).check(z.maxLength(200));

export const unlockGuardSchema = z.object({ failures: z.number().check(int(), z.gte(0)), lastFailureAt: z.number() });

/**
 * A passphrase change in progress: the new key record (the new key pair, wrapped by the new
 * passphrase) and the old private key sealed to the new public key. Written before any record is
 * re-sealed; the records and the new key record are then stored in one call, and this removed.
 */
export const rekeyJournalSchema = z.object({ meta: vaultMetaSchema, oldKey: compactJwe });

export { vaultMetaSchema };
