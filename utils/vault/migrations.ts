// Storage migrations, oldest first. Each takes the whole storage snapshot and returns what to
// write and what to remove; the caller applies them in one set/remove pair so a crash mid-way
// leaves the old version readable. Replayed against a stored sample of every version in tests.
import { KeyholdError } from '../errors';
import {
  AUDIT_PAGE_SIZE,
  credentialRecordV1Schema,
  CURRENT_SCHEMA_VERSION,
  fileAuditPages,
  identityKey,
  recordKey,
  storageKeys,
} from './storage-schema';
import { t } from '../i18n/translate';

export interface MigrationResult {
  set: Record<string, unknown>;
  remove: string[];
  /** Entries that could not be migrated (kept under a `damaged:` key, never dropped). */
  damaged: number;
}

type Migration = (snapshot: Record<string, unknown>) => MigrationResult;

const migrations: Record<number, Migration> = {
  // v1 → v2: split the single `credentials` array into one key per record.
  1: (snapshot) => {
    const set: Record<string, unknown> = {};
    let damaged = 0;
    const list = Array.isArray(snapshot.credentials) ? snapshot.credentials : [];
    list.forEach((entry, index) => {
      const parsed = credentialRecordV1Schema.safeParse(entry);
      if (!parsed.success) {
        damaged++;
        set[`damaged:v1:${index}`] = entry;
        return;
      }
      const record = parsed.data;
      set[recordKey(record.id)] = {
        v: 2,
        id: record.id,
        vendor: record.vendor,
        label: record.label,
        capturedAt: record.capturedAt,
        updatedAt: record.capturedAt,
        ...(record.source ? { source: record.source } : {}),
        identity: '',
        fields: [],
        sealed: record.sealed,
        needsRefresh: true,
      };
    });
    return { set, remove: ['credentials'], damaged };
  },
  // v2 → v3: the audit log in pages (what is not an array is left for readAudit to ignore).
  2: (snapshot) => {
    const log = snapshot[storageKeys.audit];
    if (!Array.isArray(log) || log.length < AUDIT_PAGE_SIZE) return { set: {}, remove: [], damaged: 0 };
    return { ...fileAuditPages(log, []), damaged: 0 };
  },
  // v3 → v4: the identity index, from the identity hash each record already holds in clear.
  // A damaged record gets no entry (a capture then makes a new record rather than guess).
  3: (snapshot) => {
    const set: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(snapshot)) {
      if (!key.startsWith(storageKeys.recordPrefix) || !raw || typeof raw !== 'object') continue;
      const { id, identity } = raw as { id?: unknown; identity?: unknown };
      if (typeof identity === 'string' && /^[0-9a-f]{64}$/.test(identity) && id === key.slice(storageKeys.recordPrefix.length)) {
        set[identityKey(identity)] = id;
      }
    }
    return { set, remove: [], damaged: 0 };
  },
};

/** The schema version a snapshot is at: absent means v1 when it holds a vault, else fresh. */
export function versionOf(snapshot: Record<string, unknown>): number {
  const stored = snapshot[storageKeys.schemaVersion];
  if (typeof stored === 'number') return stored;
  return snapshot[storageKeys.vault] || snapshot.credentials ? 1 : CURRENT_SCHEMA_VERSION;
}

/** Plan every migration from the snapshot's version to the current one. */
export function planMigrations(snapshot: Record<string, unknown>): MigrationResult & { from: number; to: number } {
  const from = versionOf(snapshot);
  if (from > CURRENT_SCHEMA_VERSION) {
    throw new KeyholdError('STORAGE_ERROR', t('bg.storage.newer', [from, CURRENT_SCHEMA_VERSION]));
  }
  let working = { ...snapshot };
  const set: Record<string, unknown> = {};
  const remove = new Set<string>();
  let damaged = 0;
  for (let version = from; version < CURRENT_SCHEMA_VERSION; version++) {
    const result = migrations[version](working);
    damaged += result.damaged;
    for (const key of result.remove) {
      remove.add(key);
      delete working[key];
      delete set[key];
    }
    Object.assign(set, result.set);
    working = { ...working, ...result.set };
  }
  if (from !== CURRENT_SCHEMA_VERSION || snapshot[storageKeys.schemaVersion] === undefined) {
    set[storageKeys.schemaVersion] = CURRENT_SCHEMA_VERSION;
  }
  for (const key of Object.keys(set)) remove.delete(key);
  return { set, remove: [...remove], damaged, from, to: CURRENT_SCHEMA_VERSION };
}
