// What the vault's MAC covers. Values are sealed to the public key, so anything that can write the
// profile can seal new ones; only the unlocked vault can MAC. A record's MAC covers what the admin
// confirmed: its id, vendor, identity, label, template and sealed values. The roll-back copy has
// its own MAC (it is pruned while locked). Patches, test results, dates and expiry are not
// covered: patches are never used before the admin keeps them, the rest is only shown.
import { canonicalJson } from './integrity';
import type { CredentialRecord } from './storage-schema';
import { macMatches, macOf } from './vault-crypto';

const confirmedText = (record: CredentialRecord) =>
  canonicalJson({
    id: record.id,
    vendor: record.vendor,
    identity: record.identity,
    label: record.label,
    template: record.template ?? '',
    sealed: record.sealed,
  });

const previousText = (id: string, previous: NonNullable<CredentialRecord['previous']>) =>
  canonicalJson({ id, previous: previous.sealed, patches: previous.patches ?? [] });

/** MAC a record the admin confirmed; its roll-back copy only when the caller vouches for it too. */
export async function signRecord(record: CredentialRecord, key: CryptoKey, previousTrusted: boolean): Promise<CredentialRecord> {
  const next: CredentialRecord = { ...record, mac: await macOf(key, confirmedText(record)) };
  if (record.previous && previousTrusted)
    next.previous = { ...record.previous, mac: await macOf(key, previousText(record.id, record.previous)) };
  return next;
}

export function isConfirmed(record: CredentialRecord, key: CryptoKey): Promise<boolean> {
  return macMatches(key, confirmedText(record), record.mac);
}

export async function previousConfirmed(record: CredentialRecord, key: CryptoKey): Promise<boolean> {
  return Boolean(record.previous) && macMatches(key, previousText(record.id, record.previous!), record.previous!.mac);
}

/** The record without its MAC: what a change that must be confirmed first leaves behind. */
export function unsigned(record: CredentialRecord): CredentialRecord {
  const { mac: _dropped, ...rest } = record;
  return rest as CredentialRecord;
}
