// Reads the private key an admin hands Keyhold. Apple's download says "BEGIN EC PRIVATE KEY" but
// holds a PKCS#8 body, which strict PEM importers (jose's importPKCS8) refuse; admins may also
// convert it to a true SEC1 key or a "BEGIN PRIVATE KEY" file. Whatever arrives is checked
// structurally, rebuilt as canonical PKCS#8 DER for P-256, then loaded with WebCrypto.
// Every message says what is wrong with the file and never quotes its content.
import { KeyholdError } from '../../errors';
import { t } from '../../i18n/translate';
import { vendorText, type VendorKey } from '../page-text';
import { DerError, childrenOf, contentOf, encodeTlv, fromHex, hex, readTlv, toPem, type Tlv } from '../../der';

const OID = {
  ecPublicKey: '2a8648ce3d0201',
  p256: '2a8648ce3d030107',
  pbes2: '2a864886f70d01050d',
} as const;

/** Other key algorithms and curves, named so the message can say what the file is. */
const OTHER_ALGORITHMS: Record<string, VendorKey> = {
  '2a864886f70d010101': 'vendor.appleKey.algorithm.rsa',
  '2a864886f70d01010a': 'vendor.appleKey.algorithm.rsaPss',
  '2a8648ce380401': 'vendor.appleKey.algorithm.dsa',
  '2b6570': 'vendor.appleKey.algorithm.ed25519',
  '2b6571': 'vendor.appleKey.algorithm.ed448',
  '2b656e': 'vendor.appleKey.algorithm.x25519',
  '2b656f': 'vendor.appleKey.algorithm.x448',
};
const OTHER_CURVES: Record<string, string> = {
  '2b81040022': 'P-384 (secp384r1)',
  '2b81040023': 'P-521 (secp521r1)',
  '2b8104000a': 'secp256k1',
  '2a8648ce3d030101': 'P-192 (prime192v1)',
  '2b81040021': 'P-224 (secp224r1)',
};

const TAG = { integer: 0x02, bitString: 0x03, octetString: 0x04, oid: 0x06, sequence: 0x30, ctx0: 0xa0, ctx1: 0xa1 };

/** A sentence from locales/*.yml (vendor.appleKey) followed by where the right file comes from. */
const withHint = (sentence: string) => `${sentence} ${t('vendor.appleKey.hint')}`;

export interface ApplePrivateKey {
  /** ES256 signing key (not extractable). */
  key: CryptoKey;
  /** The same key as standard PKCS#8 PEM ("BEGIN PRIVATE KEY"). */
  pkcs8Pem: string;
}

/** Parse and load the key; throws KeyholdError('INVALID_INPUT') saying what is wrong. */
export async function parseApplePrivateKey(pem: string): Promise<ApplePrivateKey> {
  const der = readPrivateKeyDer(pem);
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('pkcs8', der as Uint8Array<ArrayBuffer>, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  } catch {
    throw invalid(t('vendor.appleKey.damagedData'));
  }
  return { key, pkcs8Pem: toPem('PRIVATE KEY', der) };
}

/** What is wrong with the file, or null when it holds a P-256 private key (synchronous: for schemas). */
export function privateKeyProblem(pem: string): string | null {
  try {
    readPrivateKeyDer(pem);
    return null;
  } catch (error) {
    if (error instanceof KeyholdError) return error.message;
    throw error;
  }
}

/** The key as canonical PKCS#8 DER for P-256, or a KeyholdError('INVALID_INPUT'). */
export function readPrivateKeyDer(pem: string): Uint8Array {
  const body = pemBody(pem);
  const der = decodeBase64(body);
  try {
    return derToPkcs8(der);
  } catch (error) {
    if (error instanceof DerError) throw invalid(withHint(t('vendor.appleKey.notStructure')));
    throw error;
  }
}

function invalid(message: string): KeyholdError {
  return new KeyholdError('INVALID_INPUT', message);
}

/** Find the one private-key block and return its base64 body; say plainly what else the file is. */
function pemBody(pem: string): string {
  const text = pem.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw invalid(t('vendor.appleKey.empty'));
  const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]{1,40})-----([\s\S]*?)-----END ([A-Z0-9 ]{1,40})-----/g)].map((match) => ({
    label: match[1],
    endLabel: match[3],
    body: match[2],
  }));
  if (!blocks.length) {
    if (/-----BEGIN /.test(text)) throw invalid(t('vendor.appleKey.cutShort'));
    if (/^\s*(ssh-|ecdsa-sha2-)/.test(text)) throw invalid(withHint(t('vendor.appleKey.sshPublic')));
    throw invalid(withHint(t('vendor.appleKey.notPem')));
  }
  const mismatched = blocks.find((block) => block.label !== block.endLabel);
  if (mismatched) throw invalid(t('vendor.appleKey.mismatched'));

  const usable = blocks.filter((block) => block.label === 'EC PRIVATE KEY' || block.label === 'PRIVATE KEY');
  if (usable.length > 1) throw invalid(t('vendor.appleKey.several'));
  if (usable.length === 0) throw invalid(describeOtherBlock(blocks[0].label));

  const lines = usable[0].body.split('\n');
  if (lines.some((line) => /^Proc-Type:.*ENCRYPTED/i.test(line.trim()))) throw invalid(encryptedMessage());
  if (lines.some((line) => /^[A-Za-z-]+:/.test(line.trim()))) {
    throw invalid(t('vendor.appleKey.headers'));
  }
  const body = usable[0].body.replace(/\s+/g, '');
  if (!body) throw invalid(t('vendor.appleKey.noBody'));
  return body;
}

function describeOtherBlock(label: string): string {
  if (/CERTIFICATE REQUEST/.test(label)) return withHint(t('vendor.appleKey.csr'));
  if (/CERTIFICATE/.test(label)) return withHint(t('vendor.appleKey.certificate'));
  if (/PUBLIC KEY/.test(label)) return withHint(t('vendor.appleKey.publicKey'));
  if (label === 'ENCRYPTED PRIVATE KEY') return encryptedMessage();
  if (label === 'RSA PRIVATE KEY') return withHint(t('vendor.appleKey.rsa'));
  if (label === 'DSA PRIVATE KEY') return withHint(t('vendor.appleKey.dsa'));
  if (label === 'OPENSSH PRIVATE KEY') return withHint(t('vendor.appleKey.sshPrivate'));
  if (label === 'EC PARAMETERS') return withHint(t('vendor.appleKey.curveOnly'));
  return withHint(t('vendor.appleKey.otherLabel', [label]));
}

const encryptedMessage = (): string => t('vendor.appleKey.encrypted');

function decodeBase64(body: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw invalid(t('vendor.appleKey.base64'));
  }
  const binary = atob(body);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Classify the DER structure and rebuild it as PKCS#8 for P-256. */
function derToPkcs8(der: Uint8Array): Uint8Array {
  const top = readTlv(der, 0);
  if (top.tag !== TAG.sequence) throw new DerError('not a sequence');
  if (top.end !== der.length) throw invalid(t('vendor.appleKey.extraData'));
  const kids = childrenOf(der, top);
  const [first, second, third] = kids;
  if (!first || !second) throw new DerError('too short');

  // EncryptedPrivateKeyInfo, SubjectPublicKeyInfo and certificates all begin with a SEQUENCE.
  if (first.tag === TAG.sequence) {
    const firstKids = childrenOf(der, first);
    if (second.tag === TAG.octetString && firstKids[0]?.tag === TAG.oid && hex(contentOf(der, firstKids[0])) === OID.pbes2) {
      throw invalid(encryptedMessage());
    }
    if (second.tag === TAG.bitString) throw invalid(withHint(t('vendor.appleKey.publicKey')));
    if (second.tag === TAG.sequence && third?.tag === TAG.bitString) throw invalid(withHint(t('vendor.appleKey.certificate')));
    throw new DerError('unknown structure');
  }
  if (first.tag !== TAG.integer) throw new DerError('unknown structure');
  const version = hex(contentOf(der, first));

  // PKCS#8: version, AlgorithmIdentifier, OCTET STRING holding the algorithm's own key.
  if (second.tag === TAG.sequence && third?.tag === TAG.octetString && (version === '00' || version === '01')) {
    const algorithm = childrenOf(der, second);
    const algorithmOid = algorithm[0]?.tag === TAG.oid ? hex(contentOf(der, algorithm[0])) : '';
    if (algorithmOid !== OID.ecPublicKey) {
      throw invalid(
        withHint(t('vendor.appleKey.otherAlgorithm', [vendorText(OTHER_ALGORITHMS[algorithmOid] ?? 'vendor.appleKey.algorithm.other')])),
      );
    }
    const outerCurve = algorithm[1] ? curveOf(der, algorithm[1]) : undefined;
    const inner = contentOf(der, third);
    const sec1 = readSec1(inner, readTlv(inner, 0));
    if (outerCurve && sec1.curve && outerCurve !== sec1.curve) throw new DerError('curve mismatch');
    return buildPkcs8(checkCurve(outerCurve ?? sec1.curve), sec1);
  }
  // SEC1 ECPrivateKey: version 1, OCTET STRING, [0] curve, [1] public key.
  if (version === '01' && second.tag === TAG.octetString) {
    const sec1 = readSec1(der, top);
    return buildPkcs8(checkCurve(sec1.curve), sec1);
  }
  // PKCS#1 RSAPrivateKey: version 0 then the modulus (an INTEGER).
  if (version === '00' && second.tag === TAG.integer) {
    throw invalid(withHint(t('vendor.appleKey.rsa')));
  }
  throw new DerError('unknown structure');
}

interface Sec1Key {
  privateKey: Uint8Array;
  publicKey?: Uint8Array;
  curve?: string;
}

function readSec1(bytes: Uint8Array, tlv: Tlv): Sec1Key {
  if (tlv.tag !== TAG.sequence) throw new DerError('not a sequence');
  const [version, privateKey, ...rest] = childrenOf(bytes, tlv);
  if (version?.tag !== TAG.integer || hex(contentOf(bytes, version)) !== '01') throw new DerError('bad version');
  if (privateKey?.tag !== TAG.octetString) throw new DerError('no key');
  const key: Sec1Key = { privateKey: contentOf(bytes, privateKey) };
  for (const field of rest) {
    if (field.tag === TAG.ctx0) key.curve = curveOf(bytes, readTlv(bytes, field.start, field.end));
    if (field.tag === TAG.ctx1) {
      const bits = readTlv(bytes, field.start, field.end);
      if (bits.tag !== TAG.bitString) throw new DerError('bad public key');
      key.publicKey = contentOf(bytes, bits);
    }
  }
  return key;
}

/** The curve OID (hex) of an ECParameters value; explicit parameters are refused. */
function curveOf(bytes: Uint8Array, tlv: Tlv): string {
  if (tlv.tag === TAG.oid) return hex(contentOf(bytes, tlv));
  if (tlv.tag === TAG.sequence) {
    throw invalid(withHint(t('vendor.appleKey.explicitCurve')));
  }
  throw new DerError('bad curve');
}

function checkCurve(curve: string | undefined): string {
  if (curve === OID.p256) return curve;
  if (curve === undefined) throw invalid(withHint(t('vendor.appleKey.noCurve')));
  throw invalid(withHint(t('vendor.appleKey.otherCurve', [OTHER_CURVES[curve] ?? t('vendor.appleKey.curveOther')])));
}

/** PKCS#8 { 0, { ecPublicKey, P-256 }, OCTET STRING { ECPrivateKey { 1, d, [1] Q } } }. */
function buildPkcs8(curve: string, sec1: Sec1Key): Uint8Array {
  if (sec1.privateKey.length !== 32) throw new DerError('bad key length');
  const inner = encodeTlv(
    TAG.sequence,
    encodeTlv(TAG.integer, Uint8Array.of(1)),
    encodeTlv(TAG.octetString, sec1.privateKey),
    ...(sec1.publicKey ? [encodeTlv(TAG.ctx1, encodeTlv(TAG.bitString, sec1.publicKey))] : []),
  );
  return encodeTlv(
    TAG.sequence,
    encodeTlv(TAG.integer, Uint8Array.of(0)),
    encodeTlv(TAG.sequence, encodeTlv(TAG.oid, fromHex(OID.ecPublicKey)), encodeTlv(TAG.oid, fromHex(curve))),
    encodeTlv(TAG.octetString, inner),
  );
}
