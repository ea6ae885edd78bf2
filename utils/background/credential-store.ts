// Credential records: clear metadata for listing, values sealed to the vault's public key.
// Writes go one record at a time, so a damaged record never blocks or loses the others.
import { KeyholdError } from '../errors';
import type { CredentialSummary, CredentialTypeId, TestReport } from '../protocol';
import { newId, sha256Hex } from '../vault/bytes';
import { checksumMatches, withChecksum } from '../vault/integrity';
import { credentialRecordSchema, identityKey, recordKey, storageKeys, type CredentialRecord } from '../vault/storage-schema';
import { open, seal, type PrivateJwk } from '../vault/vault-crypto';
import { isConfirmed, signRecord, unsigned } from '../vault/record-mac';
import { getCredentialType } from '../vendors/registry';
import type { CredentialType } from '../vendors/types';
import { commitWithAudit, type AuditInput } from './audit';
import { local, withLock } from './storage-area';
import { cachedSummaries } from './summary-cache';
import { macKeyFor, openingKeyFor, requirePrivateKey, withSealingKey } from './vault-service';
import { t } from '../i18n/translate';

const ROLLBACK_DAYS = 7;
const HISTORY_LIMIT = 20;
/** Locked changes kept per credential before superseded ones are dropped (the schema allows 40). */
const MAX_PATCHES = 30;

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

/** `alongside` starts work on the parsed record while its checksum is computed (its result counts only if it matches). */
async function checkRecord(
  id: string,
  raw: unknown,
  alongside?: (parsed: CredentialRecord) => void,
): Promise<Pick<RawRecord, 'record' | 'parsed'>> {
  const parsed = credentialRecordSchema.safeParse(raw);
  if (!parsed.success || parsed.data.id !== id) return {};
  // Unknown metadata is carried only by records with a checksum, which covers it; without one
  // (a record from before checksums, or a damaged `check` key name), an unknown key is damage.
  if (parsed.data.check === undefined && Object.keys(parsed.data).some((key) => !(key in credentialRecordSchema.shape)))
    return { parsed: parsed.data };
  alongside?.(parsed.data);
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

export async function readRecord(id: string, alongside?: (parsed: CredentialRecord) => void): Promise<CredentialRecord> {
  const raw = await local.get(recordKey(id));
  if (raw === undefined) throw new KeyholdError('NOT_FOUND', t('bg.record.notFound'));
  const { record } = await checkRecord(id, raw, alongside);
  if (!record) throw new KeyholdError('CORRUPTED_RECORD', t('bg.record.credentialDamaged'));
  return record;
}

/** The stored form of a record: validated, with a fresh checksum. */
export async function storedForm(record: CredentialRecord): Promise<Record<string, unknown>> {
  return { [recordKey(record.id)]: await withChecksum(credentialRecordSchema.parse(record)) };
}

/** Store a record with its identity index entry, in one storage call; the one way records are written. */
export async function writeRecord(record: CredentialRecord, also: Record<string, unknown> = {}): Promise<void> {
  await local.set({ ...(await storedForm(record)), ...indexEntry(record), ...also });
}

export async function listRecords(): Promise<CredentialRecord[]> {
  return (await readAllRecords()).flatMap((entry) => (entry.record ? [entry.record] : []));
}

/** Every record's clear metadata, for listing (never a value); damaged records listed as damaged. */
export const listSummaries = () => cachedSummaries(buildSummaries);

async function buildSummaries(): Promise<CredentialSummary[]> {
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
      ...(record.clientId ? { clientId: record.clientId } : {}),
      capturedAt: record.capturedAt,
      updatedAt: record.updatedAt,
      fields: record.fields,
      ...(record.source ? { source: record.source } : {}),
      ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}),
      ...(record.template ? { template: record.template } : {}),
      ...(record.lastTest ? { lastTest: record.lastTest as TestReport } : {}),
      ...(record.missing?.length
        ? {
            missing: record.missing,
            missingLabels: record.missing.map((name) => type.fields.find((field) => field.name === name)?.label ?? name),
          }
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
    vendorName: t('bg.record.damagedName'),
    label: typeof raw.label === 'string' ? raw.label.slice(0, 200) : t('bg.record.damagedName'),
    capturedAt: typeof raw.capturedAt === 'string' ? raw.capturedAt : new Date(0).toISOString(),
    fields: [],
    corrupted: true,
  };
}

export async function identityHash(vendor: CredentialTypeId, values: Values, type = getCredentialType(vendor)): Promise<string> {
  try {
    const identity = type.identity(values as never);
    return identity ? sha256Hex(`${vendor}|${identity}`) : '';
  } catch {
    return '';
  }
}

/**
 * The id of the credential with this identity hash, from the identity index (one key per identity,
 * `ident:<hash>` → record id, written with the record in the same storage call): no record is read,
 * opened or hashed to find it. The caller re-reads the record under its lock and checks it still
 * has this identity, so a stale or forged index entry can at worst make a capture a new record.
 */
export async function findIdByIdentity(identity: string): Promise<string | undefined> {
  if (!identity) return undefined;
  const id = await local.get(identityKey(identity));
  return typeof id === 'string' ? id : undefined;
}

export async function findByIdentity(vendor: CredentialTypeId, identity: string): Promise<CredentialRecord | undefined> {
  const id = await findIdByIdentity(identity);
  const record = id ? await readRecord(id).catch(() => undefined) : undefined; // gone or damaged: no match, a new record
  return record?.vendor === vendor && record.identity === identity ? record : undefined;
}

/** The index entry to write beside a record (nothing when its identity is not known yet). */
function indexEntry(record: CredentialRecord): Record<string, string> {
  return record.identity ? { [identityKey(record.identity)]: record.id } : {};
}

export interface NewCredential {
  vendor: CredentialTypeId;
  label?: string;
  values: Values;
  template?: string;
  expiresAt?: string;
  source?: { url: string };
}

/** What a caller already holds, so a capture reads the vault key record and looks its type up once. */
export interface Prepared {
  type?: CredentialType<any>;
  identity?: string;
}

export async function addRecord(input: NewCredential, now = new Date(), prepared: Prepared = {}): Promise<CredentialRecord> {
  const type = prepared.type ?? getCredentialType(input.vendor);
  const id = newId();
  return withSealingKey(async (meta) => {
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
      identity: prepared.identity ?? (await identityHash(input.vendor, input.values, type)),
      clientId: clientIdOf(type, input.values),
      fields: Object.keys(input.values).sort(),
      ...missingOf(type, input.values),
      sealed: await seal(input.values, meta.publicJwk, { id, vendor: input.vendor }),
    };
    // Added while unlocked, the admin is present: confirmed at once. Locked, it waits for the next unlock.
    const privateJwk = await currentPrivateKey();
    const stored = privateJwk ? await signRecord(record, await macKeyFor(privateJwk), false) : record;
    await writeRecord(stored);
    return stored;
  });
}

export interface UpdateOptions {
  /** true: keep the previous values for roll-back; 'auto': only when a secret field really changes. */
  rotation?: boolean | 'auto';
  expiresAt?: string;
  source?: { url: string };
}

/**
 * Merge values into a record. Unlocked: open, merge, reseal. Locked: seal the change as a patch
 * applied at the next open, so capture keeps working without the passphrase.
 * A rotation keeps the previous values sealed for a roll-back window.
 */
export async function updateRecord(id: string, values: Values, options: UpdateOptions = {}, now = new Date()): Promise<CredentialRecord> {
  const { record } = await mergeIntoRecord(id, values, options, now);
  if (!record) throw new KeyholdError('NOT_FOUND', t('bg.record.notFound')); // unreachable: without `identity` a missing record throws
  return record;
}

/** updateRecord, also telling whether it was a rotation; `identity`, when given, must still match. */
export async function mergeIntoRecord(
  id: string,
  values: Values,
  options: UpdateOptions & { identity?: string },
  now = new Date(),
  prepared: Prepared = {},
): Promise<{ record: CredentialRecord; rotated: boolean } | { record?: undefined; rotated: false }> {
  return withLock(recordKey(id), () =>
    withSealingKey(async (meta) => {
      const record = options.identity ? await readRecord(id).catch(() => undefined) : await readRecord(id); // gone or damaged: the capture becomes a new record
      if (!record) return { rotated: false };
      if (options.identity && record.identity !== options.identity) return { rotated: false };
      const type = prepared.type ?? getCredentialType(record.vendor);
      const binding = { id, vendor: record.vendor };
      const privateJwk = await currentPrivateKey();
      let next: CredentialRecord = { ...record, updatedAt: now.toISOString() };
      let rotated = false;
      if (privateJwk) {
        const key = await macKeyFor(privateJwk);
        const confirmed = await isConfirmed(record, key);
        const stored = await open(record.sealed, privateJwk, binding);
        // Replacing a secret with another value is a rotation; saving the value it already holds is not.
        rotated =
          options.rotation === 'auto'
            ? type.secretFields.some((field) => field in values && stored[field] !== undefined && stored[field] !== values[field])
            : options.rotation === true;
        const merged = { ...stored, ...values };
        next.sealed = await seal(merged, meta.publicJwk, binding);
        Object.assign(next, withoutSuperseded(next, Object.keys(values)));
        next.fields = [...new Set([...Object.keys(merged), ...(next.pending ?? []).flatMap((change) => change.fields)])].sort();
        // Recompute what is still missing from the merged values (the key file may just have arrived).
        delete next.missing;
        Object.assign(next, missingOf(type, merged));
        next.identity = (await identityHash(record.vendor, merged, type)) || record.identity;
        next.clientId = clientIdOf(type, merged);
        if (rotated) {
          next.rotatedAt = now.toISOString();
          next.previous = { sealed: record.sealed, replacedAt: now.toISOString(), keepUntil: rollbackUntil(now) };
        }
        // A record still waiting for confirmation stays unconfirmed: a later capture must not vouch for it.
        next = confirmed ? await signRecord(next, key, rotated) : unsigned(next);
      } else {
        // Locked, the stored values cannot be compared: the change waits as a sealed patch, and the
        // next unlock decides whether it was a rotation (a retry of the same secret is not one).
        Object.assign(
          next,
          withPatch(record, await seal(values, meta.publicJwk, binding), {
            at: now.toISOString(),
            ...(options.source ? { source: options.source } : {}),
            fields: Object.keys(values).sort(),
          }),
        );
        next.fields = [...new Set([...record.fields, ...Object.keys(values)])].sort();
        const stillMissing = (record.missing ?? []).filter((field) => !(field in values));
        if (stillMissing.length) next.missing = stillMissing;
        else delete next.missing;
      }
      if (options.expiresAt) next.expiresAt = options.expiresAt;
      if (options.source) next.source = options.source;
      await writeRecord(next);
      if (record.identity && record.identity !== next.identity) await dropIndexEntry(record.identity, id);
      return { record: next, rotated };
    }),
  );
}

const rollbackUntil = (from: Date) => new Date(from.getTime() + ROLLBACK_DAYS * 86_400_000).toISOString();

type PendingChange = NonNullable<CredentialRecord['pending']>[number];

/**
 * Add a locked change. Never refused for space: past MAX_PATCHES, the oldest patch whose fields
 * later patches all set again is dropped (it can no longer change the result). A credential has
 * at most 20 fields, so one always qualifies once patches carry their field names.
 */
function withPatch(record: CredentialRecord, patch: string, change: PendingChange): Pick<CredentialRecord, 'patches' | 'pending'> {
  const patches = [...(record.patches ?? []), patch];
  // Patches from before `pending` existed have no field names: never dropped, never described.
  const known = record.pending?.length === record.patches?.length ? [...(record.pending ?? [])] : undefined;
  const pending: (PendingChange | undefined)[] = known ? [...known, change] : [...patches.slice(1).map(() => undefined), change];
  while (patches.length > MAX_PATCHES) {
    const drop = pending.findIndex(
      (entry, i) => entry && entry.fields.every((field) => pending.slice(i + 1).some((later) => later?.fields.includes(field))),
    );
    if (drop < 0) break;
    patches.splice(drop, 1);
    pending.splice(drop, 1);
  }
  return pending.every(Boolean) ? { patches, pending: pending as PendingChange[] } : { patches };
}

/** Drop locked changes whose every field was just set again (unlocked, by the admin). */
function withoutSuperseded(record: CredentialRecord, fields: string[]): Pick<CredentialRecord, 'patches' | 'pending'> {
  const patches = record.patches ?? [];
  if (!patches.length || record.pending?.length !== patches.length) return {};
  const keep = record.pending.map((change) => !change.fields.every((field) => fields.includes(field)));
  const next = { patches: patches.filter((_, i) => keep[i]), pending: record.pending.filter((_, i) => keep[i]) };
  return next.patches.length ? next : { patches: undefined, pending: undefined };
}

/** The unlocked private key, or undefined while the vault is locked. */
async function currentPrivateKey(): Promise<PrivateJwk | undefined> {
  try {
    return await requirePrivateKey();
  } catch (error) {
    if (error instanceof KeyholdError && error.code === 'VAULT_LOCKED') return undefined; // locked: the caller seals a patch
    throw error;
  }
}

/** Remove an identity index entry if it still names this record (a stale one is harmless, see findByIdentity). */
async function dropIndexEntry(identity: string, id: string): Promise<void> {
  if ((await local.get(identityKey(identity))) === id) await local.remove(identityKey(identity));
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
    const signed = await resign(record, next);
    await writeRecord(signed);
    return signed;
  });
}

/**
 * The values a record holds, for use: only what the admin confirmed (its MAC matches), and never a
 * change captured while locked that is still waiting to be kept or discarded.
 */
export async function openRecordWith(record: CredentialRecord, privateJwk: PrivateJwk): Promise<Values> {
  const [opening, mac] = await Promise.all([openingKeyFor(privateJwk), macKeyFor(privateJwk)]);
  // Both at once; a record that cannot be opened is reported as damaged before one that is unconfirmed.
  const [values, confirmed] = await Promise.all([
    open(record.sealed, opening, { id: record.id, vendor: record.vendor }),
    isConfirmed(record, mac),
  ]);
  if (!confirmed) {
    throw new KeyholdError('UNCONFIRMED_CHANGE', t('bg.record.unconfirmed', [record.label]));
  }
  return values;
}

/** Everything sealed in a record, confirmed or not, patches applied: for the rescue export only. */
export async function openEverything(record: CredentialRecord, privateJwk: PrivateJwk): Promise<Values> {
  const binding = { id: record.id, vendor: record.vendor };
  let values = await open(record.sealed, privateJwk, binding);
  for (const patch of record.patches ?? []) values = { ...values, ...(await open(patch, privateJwk, binding)) };
  return values;
}

export async function openRecord(id: string): Promise<{ record: CredentialRecord; values: Values }> {
  // A locked vault is reported before a missing record. The session is held in memory (vault-service.ts),
  // so the record's read is the first storage trip.
  const key = await requirePrivateKey();
  let opened!: Promise<Values>;
  // Opened while its checksum is computed: the values are returned only when the checksum matches too.
  const record = await readRecord(id, (parsed) => {
    opened = openRecordWith(parsed, key);
    opened.catch(() => {}); // a damaged record is reported as damaged first
  });
  return { record, values: await opened };
}

/** A metadata change keeps a confirmed record confirmed (unlocked) and an unconfirmed one unconfirmed. */
export async function resign(before: CredentialRecord, next: CredentialRecord): Promise<CredentialRecord> {
  const privateJwk = await currentPrivateKey();
  if (!privateJwk) return unsigned(next);
  const key = await macKeyFor(privateJwk);
  return (await isConfirmed(before, key)) ? signRecord(next, key, false) : unsigned(next);
}

/**
 * Annotate a record with a test result, and note `audit` in the same storage write; returns the
 * record as it was before (undefined if gone or damaged: the audit entry is still written).
 */
export async function saveTestResult(
  id: string,
  report: TestReport,
  ms: number,
  audit?: AuditInput,
): Promise<CredentialRecord | undefined> {
  return withLock(recordKey(id), async () => {
    let before: CredentialRecord | undefined;
    await commitWithAudit(audit, [recordKey(id)], async (stored) => {
      const raw = stored[recordKey(id)];
      before = raw === undefined ? undefined : (await checkRecord(id, raw)).record;
      if (!before) return {}; // removed or damaged meanwhile: nothing to annotate
      const history = [
        ...(before.history ?? []),
        { at: report.testedAt ?? new Date().toISOString(), ok: report.ok, ...(report.code ? { code: report.code } : {}), ms },
      ];
      return storedForm({ ...before, lastTest: report as CredentialRecord['lastTest'], history: history.slice(-HISTORY_LIMIT) });
    });
    return before;
  });
}

export async function removeRecord(id: string): Promise<void> {
  const raw = await local.get<{ identity?: unknown }>(recordKey(id));
  if (raw === undefined) throw new KeyholdError('NOT_FOUND', t('bg.record.notFound'));
  await local.remove(recordKey(id));
  if (raw && typeof raw.identity === 'string' && raw.identity) await dropIndexEntry(raw.identity, id);
}

/**
 * After every unlock: fold the changes captured while locked into one (so they never pile up),
 * still waiting for the admin to keep or discard them; drop those that only repeat what the record
 * holds (a retry is not a change); and fill in what only an unlocked vault can tell after a
 * migration (fields, identity and its index entry).
 */
export async function refreshMigratedRecords(now = new Date()): Promise<void> {
  const privateJwk = await requirePrivateKey();
  for (const listed of await listRecords()) {
    if (!listed.needsRefresh && listed.identity && listed.clientId !== undefined && !listed.patches?.length) continue;
    await withLock(recordKey(listed.id), () =>
      withSealingKey(async (meta) => {
        let record: CredentialRecord;
        let base: Values;
        let change: Values = {};
        const binding = { id: listed.id, vendor: listed.vendor };
        try {
          record = await readRecord(listed.id);
          base = await open(record.sealed, privateJwk, binding);
          for (const patch of record.patches ?? []) change = { ...change, ...(await open(patch, privateJwk, binding)) };
        } catch {
          return; // a damaged record or patch stays as it is; it is reported when opened
        }
        const type = getCredentialType(record.vendor);
        let next: CredentialRecord = {
          ...record,
          identity: (await identityHash(record.vendor, base, type)) || record.identity,
          clientId: clientIdOf(type, base),
        };
        delete next.needsRefresh;
        if (record.needsRefresh) {
          next.fields = [...new Set([...Object.keys(base), ...Object.keys(change)])].sort();
          delete next.missing;
          Object.assign(next, missingOf(type, { ...base, ...change }));
        }
        if (record.patches?.length && !Object.keys(change).some((field) => base[field] !== change[field])) {
          delete next.patches;
          delete next.pending;
        } else if ((record.patches?.length ?? 0) > 1) {
          const last = record.pending?.at(-1);
          next.patches = [await seal(change, meta.publicJwk, binding)];
          next.pending = [
            { at: last?.at ?? now.toISOString(), ...(last?.source ? { source: last.source } : {}), fields: Object.keys(change).sort() },
          ];
        }
        next = await resign(record, next);
        await writeRecord(next);
        if (record.identity && record.identity !== next.identity) await dropIndexEntry(record.identity, record.id);
      }),
    );
  }
}

/**
 * The admin's decision on a record waiting for confirmation. Keep: its locked changes are folded
 * in (a new secret for a stored one is a rotation, kept 7 days for roll-back) and the record is
 * MACed. Discard: the locked changes are dropped; a record that was never confirmed is removed.
 */
export async function decideRecord(
  id: string,
  keep: boolean,
  now = new Date(),
): Promise<{ record: CredentialRecord; outcome: 'kept' | 'rotated' | 'discarded' | 'removed' }> {
  const privateJwk = await requirePrivateKey();
  const key = await macKeyFor(privateJwk);
  return withLock(recordKey(id), () =>
    withSealingKey(async (meta) => {
      const record = await readRecord(id);
      const confirmed = await isConfirmed(record, key);
      if (!keep) {
        if (!confirmed) {
          await local.remove([
            recordKey(id),
            ...(record.identity && (await local.get(identityKey(record.identity))) === id ? [identityKey(record.identity)] : []),
          ]);
          return { record, outcome: 'removed' as const };
        }
        const next = { ...record };
        delete next.patches;
        delete next.pending;
        const kept = await open(record.sealed, privateJwk, { id, vendor: record.vendor });
        next.fields = Object.keys(kept).sort();
        await writeRecord(next);
        return { record: next, outcome: 'discarded' as const };
      }
      const binding = { id, vendor: record.vendor };
      const base = await open(record.sealed, privateJwk, binding);
      const values = await openEverything(record, privateJwk);
      const type = getCredentialType(record.vendor);
      const rotated = confirmed && type.secretFields.some((field) => base[field] !== undefined && base[field] !== values[field]);
      let next: CredentialRecord = {
        ...record,
        sealed: record.patches?.length ? await seal(values, meta.publicJwk, binding) : record.sealed,
        fields: Object.keys(values).sort(),
        identity: (await identityHash(record.vendor, values, type)) || record.identity,
        clientId: clientIdOf(type, values),
        updatedAt: now.toISOString(),
      };
      delete next.patches;
      delete next.pending;
      delete next.missing;
      Object.assign(next, missingOf(type, values));
      if (rotated) {
        const at = new Date(record.pending?.at(-1)?.at ?? now.toISOString());
        next.rotatedAt = at.toISOString();
        next.previous = { sealed: record.sealed, replacedAt: at.toISOString(), keepUntil: rollbackUntil(at) };
      }
      next = await signRecord(next, key, rotated);
      await writeRecord(next);
      if (record.identity && record.identity !== next.identity) await dropIndexEntry(record.identity, id);
      return { record: next, outcome: rotated ? ('rotated' as const) : ('kept' as const) };
    }),
  );
}

/** The ID admins know the credential by (its type's `publicId` field), kept in clear for search; '' when none. */
function clientIdOf(type: CredentialType<any>, values: Values): string {
  const field = type.fields.find((spec) => spec.publicId);
  return ((field && values[field.name]) || '').slice(0, 200);
}

function missingOf(type: CredentialType<any>, values: Values): { missing?: string[] } {
  const missing = type.missing?.(values as never) ?? [];
  return missing.length ? { missing } : {};
}

function safeLabel(make: () => string, fallback: string): string {
  try {
    return make().slice(0, 200) || fallback;
  } catch {
    return fallback;
  }
}
