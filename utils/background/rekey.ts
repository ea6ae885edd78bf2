// Changing the passphrase rotates the vault key pair: a backup of the profile from before the change
// plus the old passphrase then opens nothing captured after it. Every record (its values, locked
// patches and roll-back copy) is re-sealed to the new public key, and the new key record and every
// re-sealed record are stored in ONE storage call, so the vault is never half old, half new.
// Before that, a journal holds the new key record and the old private key sealed to the new key:
// if the worker dies while re-sealing, the next unlock with the new passphrase finishes the change;
// the old passphrase still opens the vault as it was (the change did not happen) and drops it.
import { KeyholdError } from '../errors';
import { rekeyJournalSchema, storageKeys, type CredentialRecord } from '../vault/storage-schema';
import {
  createVaultKeys,
  deriveMacKey,
  open,
  PBKDF2_ITERATIONS,
  privateJwkSchema,
  seal,
  type PrivateJwk,
  type VaultMeta,
} from '../vault/vault-crypto';
import { isConfirmed, previousConfirmed, signRecord, unsigned } from '../vault/record-mac';
import { readAllRecords, storedForm } from './credential-store';
import { local, withLock } from './storage-area';
import { lockVault, requireVaultMeta, unlockVault, useKey, whileNothingSeals } from './vault-service';

const JOURNAL_BINDING = { id: 'vault-rekey', vendor: 'vault-key' };

export interface RekeyHooks {
  /** Called after each record is re-sealed in memory (tests interrupt here). */
  afterRecord?: (done: number) => void;
  /** Called once the re-sealed records are stored, before the new session starts (tests interrupt here). */
  afterCommit?: () => void;
}

export async function changePassphrase(current: string, next: string, hooks: RekeyHooks = {}): Promise<void> {
  await withLock(storageKeys.vault, () =>
    whileNothingSeals(async () => {
      const oldKey = await unlockVault(current);
      const meta = await requireVaultMeta();
      const fresh = await createVaultKeys(next, { iterations: Math.max(meta.kdf.iterations, PBKDF2_ITERATIONS) });
      const journal = {
        meta: fresh.meta,
        oldKey: await seal(oldKey as Record<string, string>, fresh.meta.publicJwk, JOURNAL_BINDING), // a plain JWK (unlockVault)
      };
      await local.set({ [storageKeys.rekey]: journal });
      await reseal(fresh.meta, fresh.privateJwk, oldKey, hooks);
    }),
  );
}

/** Unlock, finishing an interrupted passphrase change when the new passphrase is given. */
export async function unlockAndResume(passphrase: string, hooks: RekeyHooks = {}): Promise<void> {
  const journal = await readJournal();
  const privateJwk = await unlockVault(passphrase, Date.now(), journal?.meta);
  if (!journal) return;
  if (privateJwk.x !== journal.meta.publicJwk.x) {
    // The old passphrase opened the vault as it was: the change never completed, and is dropped.
    await local.remove(storageKeys.rekey);
    return;
  }
  await withLock(storageKeys.vault, () =>
    whileNothingSeals(async () => {
      const oldKey = privateJwkSchema.parse(await open(journal.oldKey, privateJwk, JOURNAL_BINDING));
      await reseal(journal.meta, privateJwk, oldKey, hooks);
    }),
  );
}

async function readJournal(): Promise<{ meta: VaultMeta; oldKey: string } | undefined> {
  const raw = await local.get(storageKeys.rekey);
  if (raw === undefined) return undefined;
  const parsed = rekeyJournalSchema.safeParse(raw);
  const stored = await requireVaultMeta();
  // Unreadable, or left over after the commit (the vault already holds the new key): nothing to resume.
  if (!parsed.success || parsed.data.meta.publicJwk.x === stored.publicJwk.x) {
    await local.remove(storageKeys.rekey);
    return undefined;
  }
  return parsed.data;
}

async function reseal(meta: VaultMeta, newKey: PrivateJwk, oldKey: PrivateJwk, hooks: RekeyHooks): Promise<void> {
  const items: Record<string, unknown> = { [storageKeys.vault]: meta };
  let done = 0;
  const [oldMac, newMac] = await Promise.all([deriveMacKey(oldKey), deriveMacKey(newKey)]);
  for (const entry of await readAllRecords()) {
    const record = entry.record;
    if (!record) continue; // damaged metadata: left as it was, listed as damaged
    const binding = { id: record.id, vendor: record.vendor };
    const again = async (jwe: string) => seal(await open(jwe, oldKey, binding), meta.publicJwk, binding);
    // The sealed values and locked patches of the record, or of its roll-back copy.
    const resealed = async <T extends { sealed: string; patches?: string[] }>(part: T): Promise<T> => ({
      ...part,
      sealed: await again(part.sealed),
      ...(part.patches && { patches: await Promise.all(part.patches.map(again)) }),
    });
    let next: CredentialRecord;
    try {
      next = await resealed(record);
      if (record.previous) next.previous = await resealed(record.previous);
    } catch (error) {
      if (!(error instanceof KeyholdError && error.code === 'CORRUPTED_RECORD')) throw error;
      continue; // a part that does not open stays as it was: it could not be opened before either
    }
    // What the old key vouched for, the new key vouches for; the rest stays waiting for the admin.
    const confirmed = await isConfirmed(record, oldMac);
    next = confirmed ? await signRecord(next, newMac, await previousConfirmed(record, oldMac)) : unsigned(next);
    Object.assign(items, await storedForm(next));
    hooks.afterRecord?.(++done);
  }
  // The old key leaves the session first: a worker that dies after the commit but before the new
  // session must wake locked (the next unlock takes the new passphrase), not open with a key the
  // records are no longer sealed to.
  await lockVault();
  await local.set(items); // one transaction: the new key record and every re-sealed record
  await local.remove(storageKeys.rekey);
  hooks.afterCommit?.();
  await useKey(newKey);
}
