// The ES256 client assertion Apple's token endpoint takes instead of a client secret. The test
// signs a short one; "Create client assertion" signs a long one (up to 180 days, Apple's limit)
// for tools that ask for the assertion rather than the key.
// Signed by hand with WebCrypto (ES256 is ECDSA P-256 + SHA-256, whose raw r‖s output is the JWS
// signature RFC 7518 §3.4 defines): jose's signing path would add about 1 KB to the worker.
import * as base64url from 'jose/base64url';
import { KeyholdError } from '../../errors';
import { t } from '../../i18n/translate';
import { parseApplePrivateKey } from './private-key';

/** Apple checks `aud` against this exact URL (note /v2/), whichever token URL is posted to. */
export const ASSERTION_AUDIENCE = 'https://account.apple.com/auth/oauth2/v2/token';
export const MAX_ASSERTION_DAYS = 180;
const DAY_SECONDS = 86_400;

export interface AssertionInput {
  clientId: string;
  keyId: string;
  key: CryptoKey;
  /** Milliseconds since the epoch. */
  now: number;
  lifetimeSeconds: number;
}

export async function signClientAssertion({ clientId, keyId, key, now, lifetimeSeconds }: AssertionInput): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  const payload = {
    iss: clientId,
    sub: clientId,
    aud: ASSERTION_AUDIENCE,
    iat: issuedAt,
    exp: issuedAt + lifetimeSeconds,
    jti: crypto.randomUUID(),
  };
  const encode = (part: object) => base64url.encode(JSON.stringify(part));
  const signingInput = `${encode({ alg: 'ES256', kid: keyId, typ: 'JWT' })}.${encode(payload)}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64url.encode(new Uint8Array(signature))}`;
}

/**
 * A long-lived assertion for another tool. The caller shows it once and stores only `expiresAt`.
 * Throws KeyholdError('INVALID_INPUT') for a bad key or a lifetime outside 1–180 days.
 */
export async function createClientAssertion(
  values: { clientId: string; keyId: string; privateKey: string },
  options: { days: number; now?: number },
): Promise<{ assertion: string; expiresAt: string }> {
  const { days } = options;
  if (!Number.isInteger(days) || days < 1 || days > MAX_ASSERTION_DAYS) {
    throw new KeyholdError('INVALID_INPUT', t('vendor.appleValue.days', [String(MAX_ASSERTION_DAYS)]));
  }
  if (!values.privateKey) {
    throw new KeyholdError('INCOMPLETE_CREDENTIAL', t('vendor.appleValue.addKeyFirst'));
  }
  const now = options.now ?? Date.now();
  const { key } = await parseApplePrivateKey(values.privateKey);
  const lifetimeSeconds = days * DAY_SECONDS;
  const assertion = await signClientAssertion({ clientId: values.clientId, keyId: values.keyId, key, now, lifetimeSeconds });
  return { assertion, expiresAt: new Date((Math.floor(now / 1000) + lifetimeSeconds) * 1000).toISOString() };
}
