// Vault state: new / locked / unlocked. The unwrapped private key lives only in storage.session
// (memory-only, not visible to content scripts), as an exported JWK: a CryptoKey would not survive.
import { KeyholdError } from '../errors';
import type { VaultState } from '../protocol';
import { checksumMatches } from '../vault/integrity';
import { storageKeys, unlockGuardSchema, vaultMetaSchema } from '../vault/storage-schema';
import {
  createVaultKeys,
  deriveMacKey,
  importPrivateKey,
  kdfSchema,
  unwrapKeyMaterial,
  unwrapPrivateKey,
  wrappedKeySchema,
  type PrivateJwk,
  type VaultMeta,
} from '../vault/vault-crypto';
import { local, session, withLock } from './storage-area';
import { watchStorage } from './storage-watch';
import { t } from '../i18n/translate';

const SESSION_KEY = 'vaultSession';
const UNLOCK_LOCK = 'unlock';
const FREE_ATTEMPTS = 5;
const MAX_BACKOFF_SECONDS = 60;

interface VaultSession {
  privateJwk: PrivateJwk;
  unlockedAt: number;
  lastActivityAt: number;
}

export async function readVaultMeta(raw?: unknown): Promise<VaultMeta | undefined> {
  raw ??= await local.get(storageKeys.vault);
  if (raw === undefined) return undefined;
  const parsed = vaultMetaSchema.safeParse(raw);
  if (!parsed.success || !(await checksumMatches(raw))) throw new KeyholdError('VAULT_DAMAGED', t('bg.vault.damaged'));
  return parsed.data;
}

/** `raw`: the key record when the caller has just read it (it is read once per request). */
async function isDamaged(raw?: unknown): Promise<boolean> {
  return readVaultMeta(raw).then(
    () => false,
    (error: unknown) => error instanceof KeyholdError && error.code === 'VAULT_DAMAGED',
  );
}

export async function requireVaultMeta(): Promise<VaultMeta> {
  const meta = await readVaultMeta();
  if (!meta) throw new KeyholdError('VAULT_MISSING', t('bg.vault.missing'));
  return meta;
}

// The session as this worker last read or wrote it, so a request does not wait for storage.session
// before its own work: replaced after each write (under the session lock) and dropped when
// storage.onChanged reports a value this worker did not write last. Trusted only while that
// listener is on (storage-watch.ts); a restarted worker reads again.
let held: Promise<VaultSession | undefined> | undefined;
/** The `lastActivityAt` of this worker's last write (undefined: it removed the session). */
let wrote: number | undefined = 0;
const hold = (next?: VaultSession) => {
  wrote = next?.lastActivityAt;
  held = Promise.resolve(next);
};
const heard = watchStorage({
  changed: (changes, area) => {
    const change = area === 'session' && changes[SESSION_KEY];
    if (change && (change.newValue as VaultSession | undefined)?.lastActivityAt !== wrote) held = undefined;
  },
  drop: () => (held = undefined),
});

function readSession(): Promise<VaultSession | undefined> {
  heard();
  const read = (held ??= session.get<VaultSession>(SESSION_KEY));
  read.catch(() => (held = undefined)); // a failed read is not kept (at worst the next one reads again)
  return read;
}

export async function vaultStatus(now = Date.now()): Promise<{ state: VaultState; retryAfter?: number; damaged?: true }> {
  const [raw, current] = await Promise.all([local.get(storageKeys.vault), readSession()]);
  if (raw === undefined) return { state: 'new' };
  const damaged = (await isDamaged(raw)) ? { damaged: true as const } : {};
  if (current) return { state: 'unlocked', ...damaged };
  const wait = await backoffRemaining(now);
  return wait > 0 ? { state: 'locked', retryAfter: wait, ...damaged } : { state: 'locked', ...damaged };
}

export async function createVault(passphrase: string): Promise<void> {
  await withLock(storageKeys.vault, async () => {
    if ((await local.get(storageKeys.vault)) !== undefined) {
      throw new KeyholdError('VAULT_EXISTS', t('bg.vault.exists'));
    }
    const { meta, privateJwk } = await createVaultKeys(passphrase);
    await local.set({ [storageKeys.vault]: meta });
    await startSession(privateJwk);
  });
}

/**
 * Unlock. `alternative` is the key record of an interrupted passphrase change: tried first, so
 * the new passphrase resumes it (no session yet: the caller starts it after re-sealing); the old
 * one still opens the vault as it was.
 */
export async function unlockVault(passphrase: string, now = Date.now(), alternative?: VaultMeta): Promise<PrivateJwk> {
  // One attempt at a time: parallel attempts would all read the failure count before any wrote it.
  return withLock(UNLOCK_LOCK, async () => {
    const stored = await requireVaultMeta();
    const wait = await backoffRemaining(now);
    if (wait > 0) {
      throw new KeyholdError('TOO_MANY_ATTEMPTS', t('bg.vault.tooMany', [wait]), { retryAfter: wait });
    }
    try {
      const resumed = alternative && (await unwrapPrivateKey(alternative, passphrase).catch(() => undefined));
      const privateJwk = resumed || (await unwrapPrivateKey(stored, passphrase)); // not the new passphrase: try the old
      await local.remove(storageKeys.unlockGuard);
      // A resumed change starts its session once its records are re-sealed (rekey.ts): a worker that
      // dies before then leaves the vault locked, not open with a key its records are not sealed to.
      if (!resumed) await startSession(privateJwk);
      return privateJwk;
    } catch (error) {
      if (error instanceof KeyholdError && error.code === 'WRONG_PASSPHRASE') await recordFailure(now);
      throw error;
    }
  });
}

/**
 * The private key for a rescue export: this session's, or unwrapped from whatever of the key
 * record still reads (the public half and checksum are not needed). Wrong passphrases count
 * towards the same back-off as unlocking. Starts no session: a damaged vault stays locked.
 */
export function salvagePrivateKey(passphrase: string | undefined, now = Date.now()): Promise<PrivateJwk> {
  return withLock(UNLOCK_LOCK, () => salvageWithin(passphrase, now));
}

async function salvageWithin(passphrase: string | undefined, now: number): Promise<PrivateJwk> {
  const current = await readSession();
  if (current) return current.privateJwk;
  const raw = await local.get<unknown>(storageKeys.vault);
  if (raw === undefined) throw new KeyholdError('VAULT_MISSING', t('bg.vault.noneToRecover'));
  if (!passphrase) throw new KeyholdError('VAULT_LOCKED', t('bg.vault.recoverPassphrase'));
  const wait = await backoffRemaining(now);
  if (wait > 0) throw new KeyholdError('TOO_MANY_ATTEMPTS', t('bg.vault.tooMany', [wait]), { retryAfter: wait });
  const parts = (raw && typeof raw === 'object' ? raw : {}) as { kdf?: unknown; wrappedKey?: unknown };
  const kdf = kdfSchema.safeParse(parts.kdf);
  const wrappedKey = wrappedKeySchema.safeParse(parts.wrappedKey);
  if (!kdf.success || !wrappedKey.success) {
    throw new KeyholdError('VAULT_DAMAGED', t('bg.vault.wrappedDamaged'));
  }
  try {
    return await unwrapKeyMaterial(kdf.data, wrappedKey.data, passphrase);
  } catch (error) {
    if (!(error instanceof KeyholdError && error.code === 'WRONG_PASSPHRASE')) throw error;
    await recordFailure(now);
    if (!(await isDamaged())) throw error;
    throw new KeyholdError('WRONG_PASSPHRASE', t('bg.vault.damagedWrong'));
  }
}

export async function lockVault(): Promise<void> {
  derived = undefined;
  await withLock(SESSION_KEY, async () => {
    held = undefined; // read again if the removal fails
    await session.remove(SESSION_KEY);
    hold();
  });
}

// Keys derived from the unlocked private key, kept in this worker's memory only (a CryptoKey cannot
// go to storage.session) and dropped at lock; a restarted worker derives them again.
let derived: { d: string; mac: Promise<CryptoKey>; open: Promise<CryptoKey> } | undefined;

function keysOf(privateJwk: PrivateJwk) {
  if (derived?.d !== privateJwk.d) derived = { d: privateJwk.d, mac: deriveMacKey(privateJwk), open: importPrivateKey(privateJwk) };
  return derived;
}

/** The vault's MAC key for this private key (derived once per unlock). */
export const macKeyFor = (privateJwk: PrivateJwk): Promise<CryptoKey> => keysOf(privateJwk).mac;

/** The private key imported for opening sealed values (imported once per unlock). */
export const openingKeyFor = (privateJwk: PrivateJwk): Promise<CryptoKey> => keysOf(privateJwk).open;

/** A vault exists and no session holds its key. */
export async function isLocked(): Promise<boolean> {
  return !(await readSession()) && (await local.get(storageKeys.vault)) !== undefined;
}

// Sealing and key rotation exclude each other: a passphrase change re-seals every record to a new
// key pair, so no capture may seal to the old key while it reads them, nor write after it commits.
let rotation: Promise<void> | undefined;
let sealing = 0;
let drained: (() => void) | undefined;

/** Run a seal-and-write with the vault's current key record (read here, once). */
export async function withSealingKey<T>(action: (meta: VaultMeta) => Promise<T>): Promise<T> {
  while (rotation) await rotation;
  sealing++;
  try {
    return await action(await checkedSealingMeta());
  } finally {
    if (--sealing === 0) drained?.();
  }
}

const PIN_KEY = 'sealingKeyPin';

/**
 * The key record to seal to, with its public key checked: against the unlocked private key, or,
 * while locked, against the one pinned at this browser session's last unlock. Anything that can
 * write the profile could otherwise swap in its own public key and read what is captured next.
 */
async function checkedSealingMeta(): Promise<VaultMeta> {
  const meta = await requireVaultMeta();
  const current = await readSession();
  const pin = current ? `${current.privateJwk.x}.${current.privateJwk.y}` : await session.get<string>(PIN_KEY);
  if (pin !== undefined && pin !== `${meta.publicJwk.x}.${meta.publicJwk.y}`) {
    throw new KeyholdError('VAULT_DAMAGED', t('bg.vault.pinMismatch'));
  }
  return meta;
}

/** Run a key rotation once every seal in progress has been written; new seals wait for it. */
export async function whileNothingSeals<T>(action: () => Promise<T>): Promise<T> {
  while (rotation) await rotation;
  let done!: () => void;
  rotation = new Promise((resolve) => (done = resolve));
  try {
    if (sealing) await new Promise<void>((resolve) => (drained = resolve));
    return await action();
  } finally {
    rotation = undefined;
    drained = undefined;
    done();
  }
}

/** Start a session with a key the caller just proved (a rotation's new key). */
export async function useKey(privateJwk: PrivateJwk): Promise<void> {
  await startSession(privateJwk);
}

/** The unlocked private key, or VAULT_LOCKED. Marks activity for auto-lock. */
export async function requirePrivateKey(): Promise<PrivateJwk> {
  const current = await readSession();
  if (!current) throw new KeyholdError('VAULT_LOCKED', t('bg.vault.unlockFirst'));
  return current.privateJwk;
}

/** Serialised with lock and unlock: a ping that read the session before a lock must not write it back. */
export async function touchActivity(now = Date.now()): Promise<void> {
  await withLock(SESSION_KEY, async () => {
    const current = await readSession();
    if (!current) return;
    const next = { ...current, lastActivityAt: now };
    await session.set({ [SESSION_KEY]: next });
    hold(next);
  });
}

export async function lastActivityAt(): Promise<number | undefined> {
  return (await readSession())?.lastActivityAt;
}

async function startSession(privateJwk: PrivateJwk): Promise<void> {
  const now = Date.now();
  const started = { privateJwk, unlockedAt: now, lastActivityAt: now } satisfies VaultSession;
  // The pin outlives the lock (not the browser session): locked captures are checked against it.
  await withLock(SESSION_KEY, async () => {
    await session.set({ [SESSION_KEY]: started, [PIN_KEY]: `${privateJwk.x}.${privateJwk.y}` });
    hold(started);
  });
}

async function readGuard() {
  const parsed = unlockGuardSchema.safeParse(await local.get(storageKeys.unlockGuard));
  return parsed.success ? parsed.data : { failures: 0, lastFailureAt: 0 };
}

/** After five wrong passphrases each further try waits twice as long, up to a minute. */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_BACKOFF_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1));
}

async function backoffRemaining(now: number): Promise<number> {
  const guard = await readGuard();
  const waitMs = backoffSeconds(guard.failures) * 1000 - (now - guard.lastFailureAt);
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

async function recordFailure(now: number): Promise<void> {
  const guard = await readGuard();
  await local.set({ [storageKeys.unlockGuard]: { failures: guard.failures + 1, lastFailureAt: now } });
}
