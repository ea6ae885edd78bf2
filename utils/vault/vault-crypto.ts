// The vault's cryptography. A passphrase derives a key-encryption key (PBKDF2-SHA256, 600,000
// iterations, random salt); it wraps the private half of an ECDH P-256 vault key pair. Credential
// values are sealed as compact JWEs to the public half, so capture works while the vault is locked
// and only an unlocked vault can open them.
// jose's narrowest entry points: compact JWE only (the worker needs nothing else from it).
import { CompactEncrypt } from 'jose/jwe/compact/encrypt';
import { compactDecrypt } from 'jose/jwe/compact/decrypt';
import type { JWK } from 'jose';
import { z } from '../zod';
import { int } from '../zod-formats';
import { KeyholdError } from '../errors';
import { fromBase64, randomBytes, toBase64 } from './bytes';
import { withChecksum } from './integrity';
import { t } from '../i18n/translate';

export const PBKDF2_ITERATIONS = 600_000;
const SEAL_ALG = 'ECDH-ES+A256KW';
const SEAL_ENC = 'A256GCM';

const b64 = z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/));

export const publicJwkSchema = z.looseObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().check(z.minLength(43), z.maxLength(44)),
  y: z.string().check(z.minLength(43), z.maxLength(44)),
});

// The public members plus `d`, spread rather than z.extend (zod's extend helpers cost the worker bytes).
export const privateJwkSchema = z.looseObject({ ...publicJwkSchema.shape, d: z.string().check(z.minLength(43), z.maxLength(44)) });
export type PrivateJwk = z.infer<typeof privateJwkSchema>;

export const kdfSchema = z.object({
  name: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  // Capped: a tampered count must not keep the worker deriving for hours.
  iterations: z.number().check(int(), z.gte(100_000), z.lte(10_000_000)),
  salt: b64,
});
export const wrappedKeySchema = z.object({ alg: z.literal('A256GCM'), iv: b64, ciphertext: b64 });

// Strict, so a damaged key name is caught rather than dropped; `check` (utils/vault/integrity.ts)
// catches a damaged value. Vaults created before the checksum have none until the next re-wrap.
export const vaultMetaSchema = z.strictObject({
  kdf: kdfSchema,
  wrappedKey: wrappedKeySchema,
  publicJwk: publicJwkSchema,
  createdAt: z.string(),
  check: z.optional(z.string()),
});
export type VaultMeta = z.infer<typeof vaultMetaSchema>;

async function deriveKek(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

async function wrapPrivateKey(privateJwk: PrivateJwk, passphrase: string, iterations: number) {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(passphrase, salt, iterations);
  const plaintext = new TextEncoder().encode(JSON.stringify(privateJwk));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kek, plaintext));
  plaintext.fill(0);
  return {
    kdf: { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations, salt: toBase64(salt) },
    wrappedKey: { alg: 'A256GCM' as const, iv: toBase64(iv), ciphertext: toBase64(ciphertext) },
  };
}

/** A new vault: fresh key pair, private half wrapped by the passphrase. */
export async function createVaultKeys(
  passphrase: string,
  options: { iterations?: number; now?: Date } = {},
): Promise<{ meta: VaultMeta; privateJwk: PrivateJwk }> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
  const privateJwk = privateJwkSchema.parse(await crypto.subtle.exportKey('jwk', pair.privateKey));
  const { kty, crv, x, y } = privateJwk;
  const wrapped = await wrapPrivateKey(privateJwk, passphrase, options.iterations ?? PBKDF2_ITERATIONS);
  const meta: VaultMeta = await withChecksum({
    ...wrapped,
    publicJwk: { kty, crv, x, y },
    createdAt: (options.now ?? new Date()).toISOString(),
  });
  return { meta, privateJwk: toPlainPrivateJwk(privateJwk) };
}

/** Unwrap the private key; a wrong passphrase fails the AES-GCM tag and changes nothing. */
export async function unwrapPrivateKey(meta: VaultMeta, passphrase: string): Promise<PrivateJwk> {
  const privateJwk = await unwrapKeyMaterial(meta.kdf, meta.wrappedKey, passphrase);
  if (privateJwk.x !== meta.publicJwk.x || privateJwk.y !== meta.publicJwk.y) {
    throw new KeyholdError('VAULT_DAMAGED', t('bg.vault.halfMismatch'));
  }
  return privateJwk;
}

/**
 * Only the wrapped private key, without checking it against the stored public half: what a
 * damaged vault can still give back (the records' own authentication then decides what opens).
 */
export async function unwrapKeyMaterial(
  kdf: z.infer<typeof kdfSchema>,
  wrappedKey: z.infer<typeof wrappedKeySchema>,
  passphrase: string,
): Promise<PrivateJwk> {
  const kek = await deriveKek(passphrase, fromBase64(kdf.salt), kdf.iterations);
  let plaintext: Uint8Array;
  try {
    plaintext = new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(wrappedKey.iv) }, kek, fromBase64(wrappedKey.ciphertext)),
    );
  } catch {
    throw new KeyholdError('WRONG_PASSPHRASE', t('bg.vault.wrongPassphrase'));
  }
  const parsed = privateJwkSchema.safeParse(safeJson(new TextDecoder().decode(plaintext)));
  plaintext.fill(0);
  if (!parsed.success) throw new KeyholdError('VAULT_DAMAGED', t('bg.vault.keyInvalid'));
  return toPlainPrivateJwk(parsed.data);
}

export interface SealBinding {
  /** Record id, bound into the authenticated header so blobs cannot be swapped between records. */
  id: string;
  vendor: string;
}

export async function seal(values: Record<string, string>, publicJwk: JWK, binding: SealBinding): Promise<string> {
  const key = await importEcdhJwk(publicJwk);
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(values)))
    .setProtectedHeader({ alg: SEAL_ALG, enc: SEAL_ENC, kid: binding.id, cty: `keyhold/${binding.vendor}` })
    .encrypt(key);
}

/** The private key imported once, for callers that open many values with it. */
export const importPrivateKey = (privateJwk: JWK) => importEcdhJwk(privateJwk);

export async function open(jwe: string, privateJwk: JWK | CryptoKey, binding: SealBinding): Promise<Record<string, string>> {
  let plaintext: Uint8Array;
  let header: { kid?: string; cty?: string };
  try {
    const key = privateJwk instanceof CryptoKey ? privateJwk : await importEcdhJwk(privateJwk);
    const result = await compactDecrypt(jwe, key, { keyManagementAlgorithms: [SEAL_ALG], contentEncryptionAlgorithms: [SEAL_ENC] });
    plaintext = result.plaintext;
    header = result.protectedHeader;
  } catch {
    throw new KeyholdError('CORRUPTED_RECORD', t('bg.record.damaged'));
  }
  if (header.kid !== binding.id || header.cty !== `keyhold/${binding.vendor}`) {
    throw new KeyholdError('CORRUPTED_RECORD', t('bg.record.swapped'));
  }
  const parsed = z.record(z.string(), z.string()).safeParse(safeJson(new TextDecoder().decode(plaintext)));
  if (!parsed.success) throw new KeyholdError('CORRUPTED_RECORD', t('bg.record.invalid'));
  return parsed.data;
}

/**
 * The vault's MAC key: HMAC-SHA256, derived by HKDF from the private key, so only an unlocked
 * vault has it and nothing about it is stored. It authenticates what the vault holds in clear and
 * sealed (see docs/security.md); anyone can seal to the public key, only the vault can MAC.
 */
export async function deriveMacKey(privateJwk: Pick<PrivateJwk, 'd'>): Promise<CryptoKey> {
  const d = fromBase64(privateJwk.d.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (privateJwk.d.length % 4)) % 4));
  const material = await crypto.subtle.importKey('raw', d, 'HKDF', false, ['deriveKey']);
  d.fill(0);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode('keyhold record mac v1') },
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  );
}

export async function macOf(key: CryptoKey, text: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text))));
}

export async function macMatches(key: CryptoKey, text: string, mac: unknown): Promise<boolean> {
  if (typeof mac !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(mac)) return false;
  return crypto.subtle.verify('HMAC', key, fromBase64(mac), new TextEncoder().encode(text));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toPlainPrivateJwk(jwk: PrivateJwk): PrivateJwk {
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d };
}

/** jose's importJWK for an ECDH-ES key, by hand (its import helper adds to the worker's budget); the hand-off uses it too. */
export function importEcdhJwk({ alg: _alg, use: _use, ...jwk }: JWK): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', jwk as JsonWebKey, { name: 'ECDH', namedCurve: String(jwk.crv) }, jwk.ext ?? !jwk.d, jwk.d ? ['deriveBits'] : []);
}
