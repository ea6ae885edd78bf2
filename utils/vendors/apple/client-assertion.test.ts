import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { ASSERTION_AUDIENCE, createClientAssertion, signClientAssertion } from './client-assertion';
import { parseApplePrivateKey } from './private-key';

const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const body = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
const privateKey = ['-----BEGIN EC PRIVATE KEY-----', ...body.match(/.{1,64}/g)!, '-----END EC PRIVATE KEY-----'].join('\n');
const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const clientId = 'BUSINESSAPI.9703f56c-10ce-4876-8f59-e78e5e23a152';
const keyId = 'd136aa66-0c3b-4bd4-9892-c20e8db024ab';
const now = Date.UTC(2025, 9, 1, 12, 0, 0, 500);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function verifyAt(jwt: string, at: number) {
  return jwtVerify(jwt, await importSPKI(publicKeyPem, 'ES256'), {
    algorithms: ['ES256'],
    issuer: clientId,
    subject: clientId,
    audience: ASSERTION_AUDIENCE,
    typ: 'JWT',
    currentDate: new Date(at),
  });
}

describe('signClientAssertion', () => {
  it("signs Apple's header and claims with ES256", async () => {
    const { key } = await parseApplePrivateKey(privateKey);
    const jwt = await signClientAssertion({ clientId, keyId, key, now, lifetimeSeconds: 300 });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', kid: keyId, typ: 'JWT' });
    const { payload } = await verifyAt(jwt, now);
    const iat = Math.floor(now / 1000);
    expect(payload).toEqual({ iss: clientId, sub: clientId, aud: 'https://account.apple.com/auth/oauth2/v2/token', iat, exp: iat + 300, jti: expect.stringMatching(UUID) });
  });

  it('uses a fresh jti every time', async () => {
    const { key } = await parseApplePrivateKey(privateKey);
    const first = await verifyAt(await signClientAssertion({ clientId, keyId, key, now, lifetimeSeconds: 60 }), now);
    const second = await verifyAt(await signClientAssertion({ clientId, keyId, key, now, lifetimeSeconds: 60 }), now);
    expect(first.payload.jti).not.toBe(second.payload.jti);
  });

  it('does not verify with another key', async () => {
    const { key } = await parseApplePrivateKey(privateKey);
    const jwt = await signClientAssertion({ clientId, keyId, key, now, lifetimeSeconds: 60 });
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    await expect(jwtVerify(jwt, await importSPKI(other, 'ES256'), { currentDate: new Date(now) })).rejects.toThrow(/signature/);
  });
});

describe('createClientAssertion', () => {
  const values = { clientId, keyId, privateKey };

  it.each([1, 30, 180])('signs an assertion valid for %i days and reports its expiry', async (days) => {
    const { assertion, expiresAt } = await createClientAssertion(values, { days, now });
    const { payload } = await verifyAt(assertion, now);
    expect(payload.exp! - payload.iat!).toBe(days * 86_400);
    expect(expiresAt).toBe(new Date(payload.exp! * 1000).toISOString());
    // Still valid a minute before it expires, refused after.
    await verifyAt(assertion, payload.exp! * 1000 - 60_000);
    await expect(verifyAt(assertion, payload.exp! * 1000 + 1000)).rejects.toThrow(/exp/);
  });

  it.each([0, 181, 1.5, Number.NaN, -3])('refuses %s days', async (days) => {
    await expect(createClientAssertion(values, { days, now })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/1 to 180/) });
  });

  it('needs the private key', async () => {
    await expect(createClientAssertion({ clientId, keyId, privateKey: '' }, { days: 10, now })).rejects.toMatchObject({ code: 'INCOMPLETE_CREDENTIAL' });
  });

  it('says what is wrong with a bad key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await expect(createClientAssertion({ clientId, keyId, privateKey: rsa }, { days: 10, now })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/RSA key/),
    });
  });
});
