// account.apple.com token endpoint: OAuth 2 client credentials with an ES256 client assertion
// (RFC 7523). Every check a real server would make is made here, with node:crypto rather than
// jose so the mock does not share the client's code path. Errors are RFC 6749 bodies.
import { randomBytes, verify } from 'node:crypto';
import { isForm, json, type MockRequest, type MockResponse } from '../server';
import type { AppleKind, AppleState, ApiAccount } from './state';

export const TOKEN_PATHS = ['/auth/oauth2/token', '/auth/oauth2/v2/token'];
export const AUDIENCE = 'https://account.apple.com/auth/oauth2/v2/token';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const SCOPES: Record<string, AppleKind> = { 'business.api': 'business', 'school.api': 'school' };
const MAX_ASSERTION_SECONDS = 180 * 86_400;
const CLOCK_SKEW_SECONDS = 60;

class Refusal extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_scope' | 'unsupported_grant_type',
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function handleToken(request: MockRequest, state: AppleState): MockResponse {
  if (request.method !== 'POST') {
    state.lastRejection = 'method';
    return json(405, { error: 'invalid_request' }, { allow: 'POST' });
  }
  try {
    const account = authenticate(request, state);
    const scope = request.form!.get('scope')!;
    if (SCOPES[scope] !== account.kind) throw new Refusal('invalid_scope', `scope ${scope} for a ${account.kind} account`);
    const accessToken = randomBytes(32).toString('base64url');
    state.tokens.set(accessToken, {
      accountId: account.id,
      keyId: account.keyId!,
      kind: account.kind,
      expiresAt: Date.now() + state.tokenLifetime * 1000,
    });
    state.lastRejection = undefined;
    return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: state.tokenLifetime, scope });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    state.lastRejection = error.reason;
    return json(400, { error: error.error });
  }
}

/** Check the form, then the assertion; returns the API account it proves. */
function authenticate(request: MockRequest, state: AppleState): ApiAccount {
  if (!isForm(request) || !request.form) throw new Refusal('invalid_request', 'content type');
  const form = request.form;
  for (const name of new Set(form.keys())) {
    if (form.getAll(name).length > 1) throw new Refusal('invalid_request', `repeated ${name}`);
  }
  for (const name of ['grant_type', 'client_id', 'client_assertion_type', 'client_assertion', 'scope']) {
    if (!form.get(name)) throw new Refusal('invalid_request', `missing ${name}`);
  }
  if (form.get('grant_type') !== 'client_credentials') throw new Refusal('unsupported_grant_type', 'grant_type');
  if (form.get('client_assertion_type') !== ASSERTION_TYPE) throw new Refusal('invalid_client', 'client_assertion_type');
  const scope = form.get('scope')!;
  if (!(scope in SCOPES)) throw new Refusal('invalid_scope', `unknown scope ${scope}`);

  const clientId = form.get('client_id')!;
  const account = state.accounts.find((candidate) => candidate.clientId === clientId);
  if (!account) throw new Refusal('invalid_client', 'unknown client_id');
  if (!account.publicKey || !account.keyId) throw new Refusal('invalid_client', account.revokedAt ? 'revoked key' : 'no key generated');

  const parts = form.get('client_assertion')!.split('.');
  if (parts.length !== 3) throw new Refusal('invalid_client', 'assertion is not a JWS');
  const header = decodeJson(parts[0], 'header');
  const claims = decodeJson(parts[1], 'claims');
  if (header.alg !== 'ES256') throw new Refusal('invalid_client', 'alg');
  if (header.typ !== 'JWT') throw new Refusal('invalid_client', 'typ');
  if (header.kid !== account.keyId) throw new Refusal('invalid_client', 'kid');
  const signature = Buffer.from(parts[2], 'base64url');
  const input = Buffer.from(`${parts[0]}.${parts[1]}`);
  if (signature.length !== 64 || !verifySafely(input, account, signature)) throw new Refusal('invalid_client', 'signature');

  const now = Math.floor(Date.now() / 1000);
  if (claims.iss !== clientId) throw new Refusal('invalid_client', 'iss');
  if (claims.sub !== clientId) throw new Refusal('invalid_client', 'sub');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (audiences.length !== 1 || audiences[0] !== AUDIENCE) throw new Refusal('invalid_client', 'aud');
  if (!Number.isInteger(claims.iat) || (claims.iat as number) > now + CLOCK_SKEW_SECONDS) throw new Refusal('invalid_client', 'iat');
  if (!Number.isInteger(claims.exp) || (claims.exp as number) <= now) throw new Refusal('invalid_client', 'exp');
  if ((claims.exp as number) > (claims.iat as number) + MAX_ASSERTION_SECONDS) throw new Refusal('invalid_client', 'exp beyond 180 days');
  if (typeof claims.jti !== 'string' || !claims.jti) throw new Refusal('invalid_client', 'jti');
  // Apple's client assertions are long-lived (up to 180 days) and reused for every token request
  // until they expire, so a repeated jti is accepted; it is still recorded for tests to inspect.
  state.usedJti.add(claims.jti);
  return account;
}

function verifySafely(input: Buffer, account: ApiAccount, signature: Buffer): boolean {
  try {
    return verify('sha256', input, { key: account.publicKey!, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

function decodeJson(segment: string, what: string): Record<string, unknown> {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new Error('not base64url');
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new Refusal('invalid_client', `${what} is not JSON`);
  }
}
