// What Keyhold keeps in storage.local, per schema version. Every record is zod-validated on read;
// a record that fails is flagged as damaged and never takes the others down with it.
//
// v1 (0.0.x): one `credentials` array holding every record. One damaged entry or one oversized
//             write touched them all, so v2 split it.
// v2 (current): one key per record (`cred:<id>`), metadata kept in clear for listing, values sealed.
import { z } from 'zod';
import { credentialTypeIds } from '../protocol';
import { vaultMetaSchema } from './vault-crypto';

export const CURRENT_SCHEMA_VERSION = 2;

const credentialTypeId = z.enum(credentialTypeIds);

export const storageKeys = {
  schemaVersion: 'schemaVersion',
  vault: 'vault',
  settings: 'settings',
  sites: 'sites',
  unlockGuard: 'unlockGuard',
  audit: 'audit',
  recordPrefix: 'cred:',
} as const;

export const recordKey = (id: string) => `${storageKeys.recordPrefix}${id}`;

const compactJwe = z.string().regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/).max(200_000);
const isoDate = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not a date');

export const storedTestReportSchema = z
  .object({
    ok: z.boolean(),
    code: z.string().optional(),
    message: z.string().max(2000),
    steps: z.array(z.object({ name: z.string(), ok: z.boolean(), status: z.number().optional(), ms: z.number() })).max(50),
    permissions: z.array(z.object({ name: z.string(), granted: z.boolean() })).max(100).optional(),
    tokenExpiresIn: z.number().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    testedAt: z.string().optional(),
  })
  .loose();

export const testHistoryEntrySchema = z.object({
  at: isoDate,
  ok: z.boolean(),
  code: z.string().optional(),
  ms: z.number(),
});

export const credentialRecordV1Schema = z.object({
  id: z.string(),
  vendor: credentialTypeId,
  label: z.string(),
  capturedAt: isoDate,
  source: z.object({ url: z.string() }).optional(),
  sealed: compactJwe,
});

// Strict: a damaged key name is caught, not silently dropped. `check` is the record's checksum
// (utils/vault/integrity.ts); records written before it existed have none until their next write.
export const credentialRecordSchema = z.strictObject({
  v: z.literal(2),
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  vendor: credentialTypeId,
  label: z.string().min(1).max(200),
  template: z.string().max(60).optional(),
  capturedAt: isoDate,
  updatedAt: isoDate,
  rotatedAt: isoDate.optional(),
  source: z.object({ url: z.string().max(2000) }).optional(),
  expiresAt: isoDate.optional(),
  /** SHA-256 of the vendor's non-secret identity (client ID + server…); '' until known. */
  identity: z.string().regex(/^([0-9a-f]{64})?$/),
  /** Names of the fields the sealed values hold (never the values). */
  fields: z.array(z.string().max(40)).max(20),
  missing: z.array(z.string().max(40)).max(20).optional(),
  sealed: compactJwe,
  /** Updates sealed while the vault was locked, applied in order on open. */
  patches: z.array(compactJwe).max(20).optional(),
  /** The values before the last rotation, kept sealed for a roll-back window. */
  previous: z.object({ sealed: compactJwe, patches: z.array(compactJwe).max(20).optional(), replacedAt: isoDate, keepUntil: isoDate }).optional(),
  lastTest: storedTestReportSchema.optional(),
  history: z.array(testHistoryEntrySchema).max(20).optional(),
  /** Set by a migration: fields/identity are recomputed at the next unlock. */
  needsRefresh: z.boolean().optional(),
  check: z.string().optional(),
});
export type CredentialRecord = z.infer<typeof credentialRecordSchema>;

export const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(1440).default(15),
  /** Scheduled "Test all" every N hours; 0 is off (the default). */
  healthCheckHours: z.number().int().min(0).max(168).default(0),
});

export const sitesSchema = z.array(z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/i)).max(200);

export const unlockGuardSchema = z.object({ failures: z.number().int().min(0), lastFailureAt: z.number() });

export { vaultMetaSchema };
