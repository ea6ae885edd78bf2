// Keys the way Apple hands them out: an EC P-256 key whose PKCS#8 body sits under an
// "EC PRIVATE KEY" label (246 characters, 64-column lines, no final newline).
import { KeyObject, createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';

export interface GeneratedKey {
  publicKey: KeyObject;
  privateKeyPem: string;
}

export function generateAppleKey(): GeneratedKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicKey, privateKeyPem: applePem(privateKey.export({ type: 'pkcs8', format: 'der' })) };
}

export function applePem(pkcs8Der: Buffer): string {
  const lines = pkcs8Der.toString('base64').match(/.{1,64}/g) ?? [];
  return ['-----BEGIN EC PRIVATE KEY-----', ...lines, '-----END EC PRIVATE KEY-----'].join('\n');
}

/** A public key given by a test: PEM (SPKI), a JWK, or a KeyObject. Must be P-256. */
export function toPublicKey(input: string | JsonWebKey | KeyObject): KeyObject {
  const key =
    input instanceof KeyObject
      ? input.type === 'public'
        ? input
        : createPublicKey(input)
      : typeof input === 'string'
        ? createPublicKey(input)
        : createPublicKey({ key: input, format: 'jwk' });
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('Apple API keys are EC P-256 keys');
  }
  return key;
}
