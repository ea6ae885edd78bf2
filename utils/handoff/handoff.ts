// Secure hand-off: credentials leave Keyhold as one compact JWE (a `.keyhold` file or copied
// text) instead of an email. The bundle is sealed either to the recipient's EC P-256 public key
// (ECDH-ES+A256KW) or to a passphrase (PBES2-HS512+A256KW, at least 600,000 iterations); the
// content is always A256GCM. Pure functions on WebCrypto + jose, so they run unchanged in the MV3
// service worker and in Node 20.
//
// bin/keyhold-open.mjs re-implements the decrypt half in plain JS for recipients without Keyhold:
// a change to the rules here (algorithms, content type, iteration bounds, size cap) goes there too.
import { CompactEncrypt } from 'jose/jwe/compact/encrypt';
import { compactDecrypt } from 'jose/jwe/compact/decrypt';
import * as base64url from 'jose/base64url';
import type { JWK } from 'jose';
import { z } from '../zod';
import { isoDateTime } from '../zod-formats';
import { KeyholdError } from '../errors';
import { credentialTypeIds, type CredentialTypeId } from '../vendors/vendor-ids';
import { fromBase64 } from '../vault/bytes';
import { hex, readTlv, toPem, type Tlv } from '../der';
import { importEcdhJwk } from '../vault/vault-crypto';
import { CONTROL_CHAR, labelControlMessage, notReservedName } from '../untrusted-text';
import { t } from '../i18n/translate';

export const HANDOFF_CONTENT_TYPE = 'application/vnd.keyhold.handoff+json';
export const HANDOFF_FILE_EXTENSION = '.keyhold';
export const RECIPIENT_ALG = 'ECDH-ES+A256KW';
export const PASSPHRASE_ALG = 'PBES2-HS512+A256KW';
export const CONTENT_ENC = 'A256GCM';
/** OWASP 2023 floor for PBKDF2; jose's own default (2,048) is far too low, so it is always set. */
export const MIN_PBES2_ITERATIONS = 600_000;
/** Upper bound on a file's p2c: past this, a crafted file is a CPU-burning denial of service. */
export const MAX_PBES2_ITERATIONS = 10_000_000;
export const MAX_HANDOFF_BYTES = 2 * 1024 * 1024;
export const MIN_PASSPHRASE_LENGTH = 12;
const MAX_PASSPHRASE_LENGTH = 1024;
/** A pasted key is a few hundred characters; anything far bigger is not a key. */
const MAX_KEY_TEXT = 16_384;

// From the one vendor list (import-free), not ../protocol, which pulls in the browser messaging layer.
export const handoffVendors = credentialTypeIds;
export type HandoffVendor = CredentialTypeId;

const isoDate = isoDateTime();

// Same limits as credentials.add in utils/protocol.ts, so an imported bundle always fits the vault.
const handoffCredentialSchema = z.strictObject({
  vendor: z.enum(handoffVendors),
  label: z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(200),
    z.refine((text) => !CONTROL_CHAR.test(text), { error: labelControlMessage }),
  ),
  values: z
    .record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/), z.refine(notReservedName)), z.string().check(z.maxLength(20_000)))
    .check(z.refine((values) => Object.keys(values).length <= 12, { error: () => t('bg.shape.tooManyFields') })),
  expiresAt: z.optional(isoDate),
  /** Where the sender's Keyhold filled it (origin and date), so the receiver knows what a rotation touches. */
  usedBy: z.optional(
    z
      .array(
        z.strictObject({
          origin: z.string().check(z.maxLength(300)),
          at: isoDate,
          fields: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(12))),
        }),
      )
      .check(z.maxLength(20)),
  ),
});

export const handoffBundleSchema = z.strictObject({
  version: z.literal(1),
  exportedAt: isoDate,
  credentials: z.array(handoffCredentialSchema).check(z.minLength(1), z.maxLength(500)),
});
export type HandoffBundle = z.infer<typeof handoffBundleSchema>;
export type HandoffCredential = HandoffBundle['credentials'][number];

/** A public EC P-256 JWK reduced to the members that define the key. */
export interface PublicEcJwk extends JWK {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

export type HandoffEncryptOptions =
  { recipient: JWK; passphrase?: never; iterations?: never } | { passphrase: string; iterations?: number; recipient?: never };

export type HandoffInfo = { mode: 'recipient'; kid?: string } | { mode: 'passphrase'; iterations: number };

export interface HandoffDecryptOptions {
  /** The recipient's private key; used only for files sealed to a key. */
  privateJwk?: JWK;
  /** Used only for files sealed to a passphrase. */
  passphrase?: string;
}

export interface RecipientKeyPair {
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"): stays with the recipient, opens files with keyhold-open --key. */
  privateKeyPem: string;
  publicJwk: PublicEcJwk;
  publicKeyPem: string;
  fingerprint: string;
}

/** Build a bundle from vault contents (validated, so a bad record fails here, not at the recipient). */
export function createHandoffBundle(credentials: readonly HandoffCredential[], now: Date = new Date()): HandoffBundle {
  return parseBundle({ version: 1, exportedAt: now.toISOString(), credentials }, 'export');
}

// ---------------------------------------------------------------------------------------------
// Recipient keys

/**
 * Read a recipient key pasted as a public JWK (JSON) or an SPKI PEM ("BEGIN PUBLIC KEY").
 * Only EC P-256 public keys are accepted; errors name the problem but never repeat the input.
 */
export async function parseRecipientKey(text: string): Promise<PublicEcJwk> {
  if (typeof text !== 'string' || text.length > MAX_KEY_TEXT) throw keyError(t('bg.handoff.keyUnreadable'));
  const trimmed = text.trim();
  if (!trimmed) throw keyError(t('bg.handoff.pasteKey'));
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw keyError(t('bg.handoff.badJson'));
    }
    return importPublicJwk(publicMembers(parsed, 'refuse-private'));
  }
  if (/PRIVATE KEY/.test(trimmed)) throw privateKeyError();
  if (/^(ssh-|ecdsa-sha2-)|BEGIN (OPENSSH|SSH2)/.test(trimmed)) {
    throw keyError(t('bg.handoff.ssh'));
  }
  if (/BEGIN CERTIFICATE/.test(trimmed)) {
    throw keyError(t('bg.handoff.certificate'));
  }
  if (/BEGIN RSA PUBLIC KEY/.test(trimmed)) throw keyError(rsaMessage());
  const block = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(trimmed);
  if (!block) throw keyError(t('bg.handoff.notPem'));
  // Tolerate CRLF, indentation and literal "\n" left over from a JSON string.
  const body = block[1].replace(/\\[rn]|\s+/g, '');
  let der: Uint8Array<ArrayBuffer>;
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new Error('not base64');
    der = fromBase64(body);
  } catch {
    throw keyError(t('bg.handoff.pemBase64'));
  }
  return spkiToJwk(der);
}

/** SPKI PEM of a P-256 key, for "share my hand-off key". A private JWK is reduced to its public half. */
export async function publicKeyToPem(jwk: JWK): Promise<string> {
  const key = await toCryptoKey(publicMembers(jwk, 'allow-private'));
  return toPem('PUBLIC KEY', new Uint8Array(await crypto.subtle.exportKey('spki', key)));
}

/** RFC 7638 SHA-256 thumbprint (base64url), shown to sender and recipient to compare. */
export async function fingerprint(jwk: JWK): Promise<string> {
  // By hand (RFC 7638 §3.2: the EC members in this order, no spaces): jose's helper would also
  // bundle its key export into the worker.
  const { crv, kty, x, y } = publicMembers(jwk, 'allow-private');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify({ crv, kty, x, y })));
  return base64url.encode(new Uint8Array(digest));
}

/** A fresh P-256 key pair for a recipient who does not use Keyhold. */
export async function generateRecipientKeyPair(): Promise<RecipientKeyPair> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const publicJwk = publicMembers(await crypto.subtle.exportKey('jwk', pair.publicKey), 'refuse-private');
  const privateKeyPem = toPem('PRIVATE KEY', pkcs8);
  pkcs8.fill(0);
  return { privateKeyPem, publicJwk, publicKeyPem: await publicKeyToPem(publicJwk), fingerprint: await fingerprint(publicJwk) };
}

// ---------------------------------------------------------------------------------------------
// Encrypt / inspect / decrypt

/** Seal a bundle to exactly one of: a recipient's public key, or a passphrase. Returns a compact JWE. */
export async function encryptHandoff(bundle: HandoffBundle, options: HandoffEncryptOptions): Promise<string> {
  const hasRecipient = options?.recipient !== undefined;
  const hasPassphrase = options?.passphrase !== undefined;
  if (hasRecipient === hasPassphrase) {
    throw new KeyholdError('INVALID_INPUT', t('bg.handoff.chooseOne'));
  }
  const plaintext = new TextEncoder().encode(JSON.stringify(parseBundle(bundle, 'export')));
  let jwe: string;
  try {
    if (hasRecipient) {
      const recipient = publicMembers(options.recipient, 'refuse-private');
      await toCryptoKey(recipient); // rejects a point that is not on the curve, with our message
      jwe = await new CompactEncrypt(plaintext)
        .setProtectedHeader({ alg: RECIPIENT_ALG, enc: CONTENT_ENC, cty: HANDOFF_CONTENT_TYPE, kid: await fingerprint(recipient) })
        .encrypt(await importEcdhJwk(recipient));
    } else {
      const iterations = options.iterations ?? MIN_PBES2_ITERATIONS;
      if (!Number.isSafeInteger(iterations) || iterations < MIN_PBES2_ITERATIONS || iterations > MAX_PBES2_ITERATIONS) {
        throw new KeyholdError('INVALID_INPUT', t('bg.handoff.iterations'));
      }
      const key = passphraseBytes(options.passphrase!, 'encrypt');
      try {
        jwe = await new CompactEncrypt(plaintext)
          .setProtectedHeader({ alg: PASSPHRASE_ALG, enc: CONTENT_ENC, cty: HANDOFF_CONTENT_TYPE })
          .setKeyManagementParameters({ p2c: iterations }) // explicit: jose would default to 2,048
          .encrypt(key);
      } finally {
        key.fill(0);
      }
    }
  } finally {
    plaintext.fill(0);
  }
  if (jwe.length > MAX_HANDOFF_BYTES) {
    throw new KeyholdError('INVALID_INPUT', t('bg.handoff.tooLarge'));
  }
  return jwe;
}

/** What a hand-off needs to open (read from its protected header; nothing is decrypted). */
export function inspectHandoff(jwe: string): HandoffInfo {
  return readHandoff(jwe).info;
}

/** Open a hand-off: recipient files need `privateJwk`, passphrase files need `passphrase`. */
export async function decryptHandoff(jwe: string, options: HandoffDecryptOptions): Promise<HandoffBundle> {
  const { compact, info } = readHandoff(jwe);
  let plaintext: Uint8Array;
  if (info.mode === 'recipient') {
    if (!options.privateJwk) {
      throw new KeyholdError('INVALID_INPUT', t('bg.handoff.sealedToKey'));
    }
    const privateJwk = privateMembers(options.privateJwk);
    const own = await fingerprint(privateJwk);
    if (info.kid !== undefined && info.kid !== own) {
      throw new KeyholdError('INVALID_INPUT', t('bg.handoff.otherKey', [info.kid, own]));
    }
    try {
      const key = await importEcdhJwk(privateJwk);
      ({ plaintext } = await compactDecrypt(compact, key, {
        keyManagementAlgorithms: [RECIPIENT_ALG],
        contentEncryptionAlgorithms: [CONTENT_ENC],
      }));
    } catch {
      // ECDH-ES+A256KW cannot tell a foreign key from a tampered file; the kid check above catches the former.
      throw new KeyholdError('INVALID_INPUT', info.kid === undefined ? t('bg.handoff.notForKey') : t('bg.handoff.altered'));
    }
  } else {
    if (options.passphrase === undefined) {
      throw new KeyholdError('INVALID_INPUT', t('bg.handoff.needPassphrase'));
    }
    const key = passphraseBytes(options.passphrase, 'decrypt');
    try {
      ({ plaintext } = await compactDecrypt(compact, key, {
        keyManagementAlgorithms: [PASSPHRASE_ALG],
        contentEncryptionAlgorithms: [CONTENT_ENC],
        maxPBES2Count: MAX_PBES2_ITERATIONS, // readHandoff has already refused counts outside the bounds
      }));
    } catch {
      // A wrong passphrase and a damaged file fail the same AES key-wrap/GCM check by design.
      throw new KeyholdError('WRONG_PASSPHRASE', t('bg.handoff.wrongPassphrase'));
    } finally {
      key.fill(0);
    }
  }
  let json: unknown;
  try {
    // zod drops an own `__proto__` key silently: such a file is refused, not half-read.
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext), (key, value: unknown) => {
      if (key === '__proto__') throw new Error();
      return value;
    });
  } catch {
    json = undefined;
  } finally {
    plaintext.fill(0);
  }
  if (
    typeof json === 'object' &&
    json !== null &&
    typeof (json as { version?: unknown }).version === 'number' &&
    (json as { version: number }).version > 1
  ) {
    throw new KeyholdError('INVALID_INPUT', t('bg.handoff.newer'));
  }
  return parseBundle(json, 'import');
}

// ---------------------------------------------------------------------------------------------
// Internals

function readHandoff(jwe: string): { compact: string; info: HandoffInfo } {
  const notHandoff = (why: string) => new KeyholdError('INVALID_INPUT', t('bg.handoff.notHandoff', [why]));
  if (typeof jwe !== 'string') throw notHandoff(t('bg.handoff.notText'));
  if (jwe.length > MAX_HANDOFF_BYTES) throw notHandoff(t('bg.handoff.over2mb'));
  // Line-wrapping by a mail client or an editor is harmless: compact JWEs hold no whitespace.
  const compact = jwe.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(compact)) {
    throw notHandoff(t('bg.handoff.notEncrypted'));
  }
  let header: Record<string, unknown>;
  try {
    // The first compact part is the base64url JSON header (by hand: jose's helper adds its own checks).
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(compact.slice(0, compact.indexOf('.')))));
    if (!header || typeof header !== 'object' || Array.isArray(header)) throw new TypeError('not an object');
  } catch {
    throw notHandoff(t('bg.handoff.header'));
  }
  if (header.cty !== HANDOFF_CONTENT_TYPE) throw notHandoff(t('bg.handoff.otherData'));
  if (header.enc !== CONTENT_ENC) throw notHandoff(t('bg.handoff.encryption'));
  if ('zip' in header || 'crit' in header) throw notHandoff(t('bg.handoff.headerOptions'));
  if (header.alg === RECIPIENT_ALG) {
    const { kid } = header;
    if (kid !== undefined && (typeof kid !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(kid))) throw notHandoff(t('bg.handoff.fingerprint'));
    return { compact, info: kid === undefined ? { mode: 'recipient' } : { mode: 'recipient', kid } };
  }
  if (header.alg === PASSPHRASE_ALG) {
    const { p2c, p2s } = header;
    if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || typeof p2s !== 'string')
      throw notHandoff(t('bg.handoff.passphraseSettings'));
    if (p2c < MIN_PBES2_ITERATIONS) {
      throw new KeyholdError('INVALID_INPUT', t('bg.handoff.fewIterations'));
    }
    if (p2c > MAX_PBES2_ITERATIONS) {
      throw new KeyholdError('INVALID_INPUT', t('bg.handoff.manyIterations'));
    }
    return { compact, info: { mode: 'passphrase', iterations: p2c } };
  }
  throw notHandoff(t('bg.handoff.algorithm'));
}

function parseBundle(input: unknown, context: 'export' | 'import'): HandoffBundle {
  const parsed = handoffBundleSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Report where, never what: values are secrets.
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '';
  if (context === 'export')
    throw new KeyholdError('INVALID_INPUT', where ? t('bg.handoff.cannotExportAt', [where]) : t('bg.handoff.cannotExport'));
  throw new KeyholdError('INVALID_INPUT', where ? t('bg.handoff.notValidAt', [where]) : t('bg.handoff.notValid'));
}

/** Normalised so a passphrase typed on macOS, Windows or a terminal derives the same key. */
function passphraseBytes(passphrase: string, use: 'encrypt' | 'decrypt'): Uint8Array {
  if (typeof passphrase !== 'string') throw new KeyholdError('INVALID_INPUT', t('bg.handoff.passphraseText'));
  const normalized = passphrase.normalize('NFC');
  const length = [...normalized].length;
  if (use === 'encrypt' && length < MIN_PASSPHRASE_LENGTH) {
    throw new KeyholdError('INVALID_INPUT', t('bg.handoff.passphraseShort', [MIN_PASSPHRASE_LENGTH]));
  }
  if (length === 0 || length > MAX_PASSPHRASE_LENGTH) {
    throw new KeyholdError(use === 'encrypt' ? 'INVALID_INPUT' : 'WRONG_PASSPHRASE', t('bg.handoff.passphraseLength'));
  }
  return new TextEncoder().encode(normalized);
}

const rsaMessage = () => t('bg.handoff.rsa');

function keyError(message: string): KeyholdError {
  return new KeyholdError('INVALID_INPUT', message);
}

function privateKeyError(): KeyholdError {
  return keyError(t('bg.handoff.privateKey'));
}

const knownCurves = new Set(['P-384', 'P-521', 'secp256k1']);

/** Check a JWK is an EC P-256 key and keep only kty/crv/x/y (drops alg, kid, use… and, if allowed, d). */
function publicMembers(input: unknown, privatePolicy: 'refuse-private' | 'allow-private'): PublicEcJwk {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw keyError(t('bg.handoff.notJwk'));
  const jwk = input as Record<string, unknown>;
  if (Array.isArray(jwk.keys)) throw keyError(t('bg.handoff.keySet'));
  if (jwk.kty === 'RSA') throw keyError(rsaMessage());
  if (jwk.kty === 'OKP') throw keyError(t('bg.handoff.okp'));
  if (jwk.kty === 'oct') throw keyError(t('bg.handoff.symmetric'));
  if (jwk.kty !== 'EC') throw keyError(t('bg.handoff.notEc'));
  if (jwk.crv !== 'P-256') {
    throw keyError(curveMessage(typeof jwk.crv === 'string' && knownCurves.has(jwk.crv) ? jwk.crv : undefined));
  }
  if (jwk.d !== undefined && privatePolicy === 'refuse-private') throw privateKeyError();
  const coordinate = /^[A-Za-z0-9_-]{43}$/;
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string' || !coordinate.test(jwk.x) || !coordinate.test(jwk.y)) {
    throw keyError(t('bg.handoff.coordinates'));
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

function privateMembers(input: JWK): JWK {
  const pub = publicMembers(input, 'allow-private');
  if (typeof input.d !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(input.d)) {
    throw new KeyholdError('INVALID_INPUT', t('bg.handoff.needPrivate'));
  }
  return { ...pub, d: input.d };
}

/** WebCrypto import doubles as validation: it rejects points that are not on P-256. */
async function toCryptoKey(jwk: PublicEcJwk): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('jwk', jwk, { name: 'ECDH', namedCurve: 'P-256' }, true, []);
  } catch {
    throw keyError(t('bg.handoff.offCurve'));
  }
}

async function importPublicJwk(jwk: PublicEcJwk): Promise<PublicEcJwk> {
  await toCryptoKey(jwk);
  return jwk;
}

// DER object identifiers (content bytes, hex) that tell a pasted SPKI's algorithm and curve apart.
const oids = {
  rsaEncryption: '2a864886f70d010101',
  ecPublicKey: '2a8648ce3d0201',
  p256: '2a8648ce3d030107',
  p384: '2b81040022',
  p521: '2b81040023',
  secp256k1: '2b8104000a',
  ed25519: '2b6570',
  x25519: '2b656e',
  ed448: '2b6571',
  x448: '2b656f',
};

/** Read SubjectPublicKeyInfo just far enough to name a wrong key type, then let WebCrypto parse it. */
async function spkiToJwk(der: Uint8Array<ArrayBuffer>): Promise<PublicEcJwk> {
  let algorithm: string;
  let curve: string | undefined;
  try {
    const spki = tagged(readTlv(der, 0), 0x30);
    const algorithmId = tagged(readTlv(der, spki.start), 0x30);
    const oid = tagged(readTlv(der, algorithmId.start), 0x06);
    algorithm = hex(der.subarray(oid.start, oid.end));
    if (oid.end < algorithmId.end && der[oid.end] === 0x06) {
      const parameters = readTlv(der, oid.end);
      curve = hex(der.subarray(parameters.start, parameters.end));
    }
  } catch {
    throw keyError(t('bg.handoff.pemNoKey'));
  }
  if (algorithm === oids.rsaEncryption) throw keyError(rsaMessage());
  if ([oids.ed25519, oids.x25519, oids.ed448, oids.x448].includes(algorithm)) {
    throw keyError(t('bg.handoff.edFamily'));
  }
  if (algorithm !== oids.ecPublicKey) throw keyError(t('bg.handoff.spkiNotEc'));
  if (curve !== oids.p256) {
    throw keyError(
      curveMessage(curve === oids.p384 ? 'P-384' : curve === oids.p521 ? 'P-521' : curve === oids.secp256k1 ? 'secp256k1' : undefined),
    );
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', der, { name: 'ECDH', namedCurve: 'P-256' }, true, []);
  } catch {
    throw keyError(t('bg.handoff.offCurve'));
  }
  return publicMembers(await crypto.subtle.exportKey('jwk', key), 'refuse-private');
}

function tagged(tlv: Tlv, tag: number): Tlv {
  if (tlv.tag !== tag) throw new Error('unexpected DER');
  return tlv;
}

/** A key on a curve other than P-256, named when it is one Keyhold knows. */
const curveMessage = (name: string | undefined): string => (name ? t('bg.handoff.curve', [name]) : t('bg.handoff.otherCurve'));
