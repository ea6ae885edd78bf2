// Credential records: clear metadata for listing, values sealed to the vault's public key.
// Writes go one record at a time, so a damaged record never blocks or loses the others.
import { KeyholdError } from '../errors';
import type { CredentialSummary, CredentialTypeId, TestReport } from '../protocol';
import { newId, sha256Hex } from '../vault/bytes';
import { checksumMatches, withChecksum } from '../vault/integrity';
import { credentialRecordSchema, recordKey, storageKeys, type CredentialRecord } from '../vault/storage-schema';
import { open, seal } from '../vault/vault-crypto';
import { getCredentialType } from '../vendors/registry';
import { local, withLock } from './storage-area';
import { requirePrivateKey, requireVaultMeta } from './vault-service';

const ROLLBACK_DAYS = 7;
const HISTORY_LIMIT = 20;

export type Values = Record<string, string>;

export interface RawRecord {
  key: string;
  id: string;
  raw: unknown;
  /** The record, when it parses and matches its checksum. */
  record?: CredentialRecord;
  /** The record as parsed even when its checksum fails (for the rescue export only). */
  parsed?: CredentialRecord;
}

async function checkRecord(id: string, raw: unknown): Promise<Pick<RawRecord, 'record' | 'parsed'>> {
  const parsed = credentialRecordSchema.safeParse(raw);
  if (!parsed.success || parsed.data.id !== id) return {};
  return (await checksumMatches(raw)) ? { record: parsed.data, parsed: parsed.data } : { parsed: parsed.data };
}

export async function readAllRecords(): Promise<RawRecord[]> {
  const entries = Object.entries(await local.getByPrefix(storageKeys.recordPrefix));
  return Promise.all(
    entries.map(async ([key, raw]) => {
      const id = key.slice(storageKeys.recordPrefix.length);
      return { key, id, raw, ...(await checkRecord(id, raw)) };
    }),
  );
}

export async function readRecord(id: string): Promise<CredentialRecord> {
  const raw = await local.get(recordKey(id));
  if (raw === undefined) throw new KeyholdError('NOT_FOUND', 'No credential with that id.');
  const { record } = await checkRecord(id, raw);
  if (!record) throw new KeyholdError('CORRUPTED_RECORD', 'This credential’s record is damaged; other credentials are unaffected.');
  return record;
}

/** Store a record (validated, with a fresh checksum); the one way records are written. */
export async function writeRecord(record: CredentialRecord): Promise<void> {
  await local.set({ [recordKey(record.id)]: await withChecksum(credentialRecordSchema.parse(record)) });
}

export async function listRecords(): Promise<CredentialRecord[]> {
  return (await readAllRecords()).flatMap((entry) => (entry.record ? [entry.record] : []));
}

export async function listSummaries(): Promise<CredentialSummary[]> {
  const entries = await readAllRecords();
  const summaries = entries.map((entry): CredentialSummary => {
    if (!entry.record) return damagedSummary(entry);
    const record = entry.record;
    const type = getCredentialType(record.vendor);
    return {
      id: record.id,
      vendor: record.vendor,
      vendorName: type.name,
      consoleId: type.consoleId,
      label: record.label,
      capturedAt: record.capturedAt,
      updatedAt: record.updatedAt,
      fields: record.fields,
      ...(record.source ? { source: record.source } : {}),
      ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}),
      ...(record.template ? { template: record.template } : {}),
      ...(record.lastTest ? { lastTest: record.lastTest as TestReport } : {}),
      ...(record.missing?.length
        ? { missing: record.missing, missingLabels: record.missing.map((name) => type.fields.find((field) => field.name === name)?.label ?? name) }
        : {}),
      ...(record.rotatedAt ? { rotatedAt: record.rotatedAt } : {}),
      ...(record.previous ? { rollbackUntil: record.previous.keepUntil } : {}),
      ...(record.history?.length ? { history: record.history } : {}),
      ...(record.usedBy?.length ? { usedBy: record.usedBy } : {}),
    };
  });
  return summaries.sort((a, b) => b.capturedAt.localeCompare(a.capturedAt));
}

function damagedSummary(entry: RawRecord): CredentialSummary {
  const raw = (entry.raw ?? {}) as Partial<Record<string, unknown>>;
  const vendor = typeof raw.vendor === 'string' ? raw.vendor : 'unknown';
  return {
    id: entry.id,
    vendor: vendor as CredentialTypeId,
    vendorName: 'Damaged record',
    label: typeof raw.label === 'string' ? raw.label.slice(0, 200) : 'Damaged record',
    capturedAt: typeof raw.capturedAt === 'string' ? raw.capturedAt : new Date(0).toISOString(),
    fields: [],
    corrupted: true,
  };
}

export async function identityHash(vendor: CredentialTypeId, values: Values): Promise<string> {
  const type = getCredentialType(vendor);
  try {
    const identity = type.identity(values as never);
    return identity ? sha256Hex(`${vendor}|${identity}`) : '';
  } catch {
    return '';
  }
}

export async function findByIdentity(vendor: CredentialTypeId, identity: string): Promise<CredentialRecord | undefined> {
  if (!identity) return undefined;
  return (await listRecords()).find((record) => record.vendor === vendor && record.identity === identity);
}

export interface NewCredential {
  vendor: CredentialTypeId;
  label?: string;
  values: Values;
  template?: string;
  expiresAt?: string;
  source?: { url: string };
}

export async function addRecord(input: NewCredential, now = new Date()): Promise<CredentialRecord> {
  const meta = await requireVaultMeta();
  const type = getCredentialType(input.vendor);
  const id = newId();
  const record: CredentialRecord = {
    v: 2,
    id,
    vendor: input.vendor,
    label: input.label ?? safeLabel(() => type.defaultLabel(input.values as never), type.name),
    ...(input.template ? { template: input.template } : {}),
    capturedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...(input.source ? { source: input.source } : {}),
    ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    identity: await identityHash(input.vendor, input.values),
    fields: Object.keys(input.values).sort(),
    ...missingOf(input.vendor, input.values),
    sealed: await seal(input.values, meta.publicJwk, { id, vendor: input.vendor }),
  };
  await writeRecord(record);
  return record;
}

/**
 * Merge values into a record. Unlocked: open, merge, reseal. Locked: seal the change as a patch
 * applied at the next open, so capture keeps working without the passphrase.
 * `rotation` keeps the previous values sealed for a roll-back window.
 */
export async function updateRecord(
  id: string,
  values: Values,
  options: { rotation?: boolean; expiresAt?: string; source?: { url: string }; privateKeyAvailable?: boolean } = {},
  now = new Date(),
): Promise<CredentialRecord> {
  return withLock(recordKey(id), async () => {
    const meta = await requireVaultMeta();
    const record = await readRecord(id);
    const binding = { id, vendor: record.vendor };
    let privateJwk;
    try {
      privateJwk = await requirePrivateKey();
    } catch {
      privateJwk = undefined;
    }
    const next: CredentialRecord = { ...record, updatedAt: now.toISOString() };
    if (options.rotation) {
      next.rotatedAt = now.toISOString();
      next.previous = {
        sealed: record.sealed,
        ...(record.patches?.length ? { patches: record.patches } : {}),
        replacedAt: now.toISOString(),
        keepUntil: new Date(now.getTime() + ROLLBACK_DAYS * 86_400_000).toISOString(),
      };
    }
    if (privateJwk) {
      const merged = { ...(await openRecordWith(record, privateJwk)), ...values };
      next.sealed = await seal(merged, meta.publicJwk, binding);
      delete next.patches;
      next.fields = Object.keys(merged).sort();
      // Recompute what is still missing from the merged values (the key file may just have arrived).
      delete next.missing;
      Object.assign(next, missingOf(record.vendor, merged));
      next.identity = (await identityHash(record.vendor, merged)) || record.identity;
    } else {
      const patch = await seal(values, meta.publicJwk, binding);
      next.patches = [...(record.patches ?? []), patch];
      next.fields = [...new Set([...record.fields, ...Object.keys(values)])].sort();
      const stillMissing = (record.missing ?? []).filter((field) => !(field in values));
      if (stillMissing.length) next.missing = stillMissing;
      else delete next.missing;
    }
    if (options.expiresAt) next.expiresAt = options.expiresAt;
    if (options.source) next.source = options.source;
    await writeRecord(next);
    return next;
  });
}

export async function updateMeta(
  id: string,
  change: { label?: string; expiresAt?: string | null; template?: string },
): Promise<CredentialRecord> {
  return withLock(recordKey(id), async () => {
    const record = await readRecord(id);
    const next: CredentialRecord = { ...record };
    if (change.label !== undefined) next.label = change.label;
    if (change.template !== undefined) next.template = change.template;
    if (change.expiresAt === null) delete next.expiresAt;
    else if (change.expiresAt !== undefined) next.expiresAt = change.expiresAt;
    await writeRecord(next);
    return next;
  });
}

export async function openRecordWith(record: CredentialRecord, privateJwk: Awaited<ReturnType<typeof requirePrivateKey>>): Promise<Values> {
  const binding = { id: record.id, vendor: record.vendor };
  let values = await open(record.sealed, privateJwk, binding);
  for (const patch of record.patches ?? []) values = { ...values, ...(await open(patch, privateJwk, binding)) };
  return values;
}

export async function openRecord(id: string): Promise<{ record: CredentialRecord; values: Values }> {
  const privateJwk = await requirePrivateKey();
  const record = await readRecord(id);
  return { record, values: await openRecordWith(record, privateJwk) };
}

/** Annotate a record with a test result; returns the record as it was before (undefined if gone). */
export async function saveTestResult(id: string, report: TestReport, ms: number): Promise<CredentialRecord | undefined> {
  return withLock(recordKey(id), async () => {
    let record: CredentialRecord;
    try {
      record = await readRecord(id);
    } catch {
      return undefined; // removed or damaged meanwhile: nothing to annotate
    }
    const history = [...(record.history ?? []), { at: report.testedAt ?? new Date().toISOString(), ok: report.ok, ...(report.code ? { code: report.code } : {}), ms }];
    const next: CredentialRecord = { ...record, lastTest: report as CredentialRecord['lastTest'], history: history.slice(-HISTORY_LIMIT) };
    await writeRecord(next);
    return record;
  });
}

export async function removeRecord(id: string): Promise<void> {
  if ((await local.get(recordKey(id))) === undefined) throw new KeyholdError('NOT_FOUND', 'No credential with that id.');
  await local.remove(recordKey(id));
}

/** After a migration, fill in what only an unlocked vault can tell (fields, identity). */
export async function refreshMigratedRecords(): Promise<void> {
  const privateJwk = await requirePrivateKey();
  for (const record of await listRecords()) {
    if (!record.needsRefresh) continue;
    await withLock(recordKey(record.id), async () => {
      try {
        const values = await openRecordWith(record, privateJwk);
        const next: CredentialRecord = { ...record, fields: Object.keys(values).sort(), identity: await identityHash(record.vendor, values) };
        delete next.needsRefresh;
        delete next.missing;
        Object.assign(next, missingOf(record.vendor, values));
        await writeRecord(next);
      } catch {
        // A damaged record stays flagged for refresh; it is reported when opened.
      }
    });
  }
}

function missingOf(vendor: CredentialTypeId, values: Values): { missing?: string[] } {
  const missing = getCredentialType(vendor).missing?.(values as never) ?? [];
  return missing.length ? { missing } : {};
}

function safeLabel(make: () => string, fallback: string): string {
  try {
    return make().slice(0, 200) || fallback;
  } catch {
    return fallback;
  }
}
