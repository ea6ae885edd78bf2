// Vault state: new / locked / unlocked. The unwrapped private key lives only in storage.session
// (memory-only, not visible to content scripts), as an exported JWK: a CryptoKey would not survive.
import { KeyholdError } from '../errors';
import type { VaultState } from '../protocol';
import { storageKeys, unlockGuardSchema, vaultMetaSchema } from '../vault/storage-schema';
import { createVaultKeys, rewrapVault, unwrapPrivateKey, type PrivateJwk, type VaultMeta } from '../vault/vault-crypto';
import { local, session, withLock } from './storage-area';

const SESSION_KEY = 'vaultSession';
const FREE_ATTEMPTS = 5;
const MAX_BACKOFF_SECONDS = 60;

interface VaultSession {
  privateJwk: PrivateJwk;
  unlockedAt: number;
  lastActivityAt: number;
}

export async function readVaultMeta(): Promise<VaultMeta | undefined> {
  const raw = await local.get(storageKeys.vault);
  if (raw === undefined) return undefined;
  const parsed = vaultMetaSchema.safeParse(raw);
  if (!parsed.success) {
    throw new KeyholdError('VAULT_DAMAGED', 'The vault’s key record is damaged; sealed credentials cannot be opened with it.');
  }
  return parsed.data;
}

export async function requireVaultMeta(): Promise<VaultMeta> {
  const meta = await readVaultMeta();
  if (!meta) throw new KeyholdError('VAULT_MISSING', 'Create a vault first: Keyhold needs somewhere safe to seal credentials.');
  return meta;
}

async function readSession(): Promise<VaultSession | undefined> {
  return session.get<VaultSession>(SESSION_KEY);
}

export async function vaultStatus(now = Date.now()): Promise<{ state: VaultState; retryAfter?: number }> {
  const raw = await local.get(storageKeys.vault);
  if (raw === undefined) return { state: 'new' };
  if (await readSession()) return { state: 'unlocked' };
  const wait = await backoffRemaining(now);
  return wait > 0 ? { state: 'locked', retryAfter: wait } : { state: 'locked' };
}

export async function createVault(passphrase: string): Promise<void> {
  await withLock(storageKeys.vault, async () => {
    if ((await local.get(storageKeys.vault)) !== undefined) {
      throw new KeyholdError('VAULT_EXISTS', 'A vault already exists. Unlock it, or delete it from the options page first.');
    }
    const { meta, privateJwk } = await createVaultKeys(passphrase);
    await local.set({ [storageKeys.vault]: meta });
    await startSession(privateJwk);
  });
}

export async function unlockVault(passphrase: string, now = Date.now()): Promise<PrivateJwk> {
  const meta = await requireVaultMeta();
  const wait = await backoffRemaining(now);
  if (wait > 0) {
    throw new KeyholdError('TOO_MANY_ATTEMPTS', `Too many wrong passphrases. Try again in ${wait} s.`, { retryAfter: wait });
  }
  try {
    const privateJwk = await unwrapPrivateKey(meta, passphrase);
    await local.remove(storageKeys.unlockGuard);
    await startSession(privateJwk);
    return privateJwk;
  } catch (error) {
    if (error instanceof KeyholdError && error.code === 'WRONG_PASSPHRASE') await recordFailure(now);
    throw error;
  }
}

export async function lockVault(): Promise<void> {
  await session.remove(SESSION_KEY);
}

export async function changePassphrase(current: string, next: string): Promise<void> {
  await withLock(storageKeys.vault, async () => {
    const meta = await requireVaultMeta();
    const privateJwk = await unlockVault(current);
    await local.set({ [storageKeys.vault]: await rewrapVault(meta, privateJwk, next) });
  });
}

/** The unlocked private key, or VAULT_LOCKED. Marks activity for auto-lock. */
export async function requirePrivateKey(): Promise<PrivateJwk> {
  const current = await readSession();
  if (!current) throw new KeyholdError('VAULT_LOCKED', 'Unlock the vault first.');
  return current.privateJwk;
}

export async function touchActivity(now = Date.now()): Promise<void> {
  const current = await readSession();
  if (current) await session.set({ [SESSION_KEY]: { ...current, lastActivityAt: now } });
}

export async function lastActivityAt(): Promise<number | undefined> {
  return (await readSession())?.lastActivityAt;
}

async function startSession(privateJwk: PrivateJwk): Promise<void> {
  const now = Date.now();
  await session.set({ [SESSION_KEY]: { privateJwk, unlockedAt: now, lastActivityAt: now } satisfies VaultSession });
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
