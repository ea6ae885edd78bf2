import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { CompactEncrypt, calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { KeyholdError } from '../errors';
import { seal } from '../vault/vault-crypto';
import {
  createHandoffBundle,
  decryptHandoff,
  encryptHandoff,
  fingerprint,
  generateRecipientKeyPair,
  HANDOFF_CONTENT_TYPE,
  handoffVendors,
  inspectHandoff,
  parseRecipientKey,
  publicKeyToPem,
  type HandoffBundle,
} from './handoff';

const SECRET = 'S3CR3T-client-secret-0123456789';
const PASSPHRASE = 'correct horse battery staple';

const bundle: HandoffBundle = {
  version: 1,
  exportedAt: '2026-03-01T10:00:00.000Z',
  credentials: [
    { vendor: 'jamf-pro', label: 'Acme prod', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: 'abc', clientSecret: SECRET } },
    { vendor: 'iru', label: 'Iru EU', values: { apiToken: 'tok-123' }, expiresAt: '2026-12-31T00:00:00.000Z' },
  ],
};

async function newKeyPair(): Promise<{ publicJwk: JWK; privateJwk: JWK }> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
  const { kty, crv, x, y, d } = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { publicJwk: { kty, crv, x, y }, privateJwk: { kty, crv, x, y, d } };
}

function header(jwe: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwe.split('.')[0], 'base64url').toString());
}

function withHeader(jwe: string, patch: Record<string, unknown>): string {
  const parts = jwe.split('.');
  parts[0] = Buffer.from(JSON.stringify({ ...header(jwe), ...patch })).toString('base64url');
  return parts.join('.');
}

/** A hand-off-looking JWE built with jose directly, to exercise what Keyhold itself never writes. */
async function rawJwe(
  protectedHeader: Record<string, unknown>,
  key: Parameters<CompactEncrypt['encrypt']>[0],
  plaintext: unknown = bundle,
  p2c?: number,
) {
  const encrypt = new CompactEncrypt(new TextEncoder().encode(JSON.stringify(plaintext))).setProtectedHeader(protectedHeader as never);
  if (p2c !== undefined) encrypt.setKeyManagementParameters({ p2c });
  return encrypt.encrypt(key);
}

const recipientHeader = { alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: HANDOFF_CONTENT_TYPE };

describe('recipient mode', () => {
  it('round-trips a bundle sealed to a P-256 public key, with the thumbprint as kid', async () => {
    const { publicJwk, privateJwk } = await newKeyPair();
    const jwe = await encryptHandoff(bundle, { recipient: publicJwk });
    expect(jwe.split('.')).toHaveLength(5);
    expect(jwe).not.toContain(Buffer.from(SECRET).toString('base64url').slice(0, 12));
    expect(header(jwe)).toMatchObject({
      alg: 'ECDH-ES+A256KW',
      enc: 'A256GCM',
      cty: 'application/vnd.keyhold.handoff+json',
      kid: await calculateJwkThumbprint(publicJwk, 'sha256'),
    });
    expect(inspectHandoff(jwe)).toEqual({ mode: 'recipient', kid: await fingerprint(publicJwk) });
    expect(await decryptHandoff(jwe, { privateJwk })).toEqual(bundle);
    // Wrapped by a mail client, with a trailing newline as saved to a .keyhold file.
    expect(await decryptHandoff(`${jwe.replace(/(.{76})/g, '$1\r\n')}\n`, { privateJwk })).toEqual(bundle);
  });

  it('round-trips arbitrary labels and values', async () => {
    const { publicJwk, privateJwk } = await newKeyPair();
    const credential = fc.record({
      vendor: fc.constantFrom(...handoffVendors),
      label: fc.string({ minLength: 1, maxLength: 200 }).filter((label) => label.trim() === label && label.length > 0),
      values: fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,40}$/), fc.string({ maxLength: 300, unit: 'binary' }), {
        maxKeys: 12,
      }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(credential, { minLength: 1, maxLength: 5 }), async (credentials) => {
        const input = createHandoffBundle(credentials, new Date('2026-01-01T00:00:00Z'));
        expect(await decryptHandoff(await encryptHandoff(input, { recipient: publicJwk }), { privateJwk })).toEqual(input);
      }),
      { numRuns: 25 },
    );
  });

  it('names both fingerprints when the file was sealed to another key', async () => {
    const intended = await newKeyPair();
    const other = await newKeyPair();
    const jwe = await encryptHandoff(bundle, { recipient: intended.publicJwk });
    const error = await decryptHandoff(jwe, { privateJwk: other.privateJwk }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyholdError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((error as Error).message).toContain(`encrypted for a different key (fingerprint ${await fingerprint(intended.publicJwk)})`);
    expect((error as Error).message).toContain(await fingerprint(other.publicJwk));
    // Without a kid the key mismatch surfaces as a failed unwrap: still INVALID_INPUT, never a crash.
    const anonymous = await rawJwe(recipientHeader, await importJWK(intended.publicJwk, 'ECDH-ES+A256KW'));
    await expect(decryptHandoff(anonymous, { privateJwk: other.privateJwk })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await decryptHandoff(anonymous, { privateJwk: intended.privateJwk })).toEqual(bundle);
  });

  it('detects a flipped ciphertext byte and an edited protected header', async () => {
    const { publicJwk, privateJwk } = await newKeyPair();
    const jwe = await encryptHandoff(bundle, { recipient: publicJwk });
    const parts = jwe.split('.');
    const ciphertext = Buffer.from(parts[3], 'base64url');
    ciphertext[0] ^= 0x01;
    const flipped = [...parts.slice(0, 3), ciphertext.toString('base64url'), parts[4]].join('.');
    await expect(decryptHandoff(flipped, { privateJwk })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/altered/),
    });
    await expect(decryptHandoff(withHeader(jwe, { apu: 'AAAA' }), { privateJwk })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('asks for the private key, and refuses a public one in its place', async () => {
    const { publicJwk } = await newKeyPair();
    const jwe = await encryptHandoff(bundle, { recipient: publicJwk });
    await expect(decryptHandoff(jwe, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(decryptHandoff(jwe, { privateJwk: publicJwk })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/private key/),
    });
  });

  it('validates what it opens: a newer format and a malformed bundle are refused without echoing values', async () => {
    const { publicJwk, privateJwk } = await newKeyPair();
    const key = await importJWK(publicJwk, 'ECDH-ES+A256KW');
    const newer = await rawJwe(recipientHeader, key, { ...bundle, version: 2 });
    await expect(decryptHandoff(newer, { privateJwk })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/newer version/),
    });
    const bad = { ...bundle, credentials: [{ ...bundle.credentials[0], values: { clientSecret: SECRET, n: 42 } }] };
    const error = await decryptHandoff(await rawJwe(recipientHeader, key, bad), { privateJwk }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('credentials.0.values.n') });
    expect((error as Error).message).not.toContain(SECRET);
  });
});

describe('passphrase mode', () => {
  it('round-trips at 600,000 PBES2 iterations and reports a wrong passphrase as WRONG_PASSPHRASE', async () => {
    const accented = 'crème brûlée à la maison';
    const jwe = await encryptHandoff(bundle, { passphrase: accented.normalize('NFC') });
    expect(header(jwe)).toMatchObject({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: HANDOFF_CONTENT_TYPE, p2c: 600_000 });
    expect(header(jwe)).not.toHaveProperty('kid');
    expect(inspectHandoff(jwe)).toEqual({ mode: 'passphrase', iterations: 600_000 });
    // NFD input (as some keyboards produce) opens an NFC-encrypted file.
    expect(await decryptHandoff(jwe, { passphrase: accented.normalize('NFD') })).toEqual(bundle);
    const error = await decryptHandoff(jwe, { passphrase: 'incorrect horse battery staple' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(KeyholdError);
    expect(error).toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((error as Error).message).not.toContain('incorrect horse');
  });

  it('refuses a downgraded or a CPU-burning iteration count before deriving anything', async () => {
    const downgraded = await rawJwe(
      { alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: HANDOFF_CONTENT_TYPE },
      new TextEncoder().encode(PASSPHRASE),
      bundle,
      1_000,
    );
    expect(header(downgraded).p2c).toBe(1_000);
    expect(() => inspectHandoff(downgraded)).toThrow(/fewer than 600,000/);
    await expect(decryptHandoff(downgraded, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const started = Date.now();
    const heavy = withHeader(downgraded, { p2c: 50_000_000 });
    await expect(decryptHandoff(heavy, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/more than 10,000,000/),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(decryptHandoff(withHeader(downgraded, { p2c: 600_000.5 }), { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('asks for a passphrase when none is given', async () => {
    const jwe = withHeader(
      await rawJwe({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: HANDOFF_CONTENT_TYPE }, new Uint8Array(16), bundle, 1),
      {
        p2c: 600_000,
      },
    );
    await expect(decryptHandoff(jwe, {})).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/passphrase/) });
  });
});

describe('encryptHandoff options', () => {
  it('takes exactly one mode, a long enough passphrase and sane iterations, before any key derivation', async () => {
    const { publicJwk, privateJwk } = await newKeyPair();
    const refuse = (options: unknown) => expect(encryptHandoff(bundle, options as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await refuse({});
    await refuse({ recipient: publicJwk, passphrase: PASSPHRASE });
    await refuse({ passphrase: 'too short' });
    await refuse({ passphrase: PASSPHRASE, iterations: 100_000 });
    await refuse({ passphrase: PASSPHRASE, iterations: 20_000_000 });
    await refuse({ passphrase: PASSPHRASE, iterations: 600_000.5 });
    await refuse({ recipient: privateJwk }); // a private key passed by mistake
    await refuse({ recipient: { ...publicJwk, crv: 'P-384' } });
  });

  it('validates the bundle and names where it is wrong, not what it holds', async () => {
    const { publicJwk } = await newKeyPair();
    const cases: unknown[] = [
      { ...bundle, credentials: [] },
      { ...bundle, version: 2 },
      { ...bundle, exportedAt: 'yesterday' },
      { ...bundle, extra: true },
      { ...bundle, credentials: [{ ...bundle.credentials[0], vendor: 'okta' }] },
      { ...bundle, credentials: [{ ...bundle.credentials[0], label: '  ' }] },
      { ...bundle, credentials: [{ ...bundle.credentials[0], values: { 'client-secret': SECRET } }] },
    ];
    for (const input of cases) {
      const error = await encryptHandoff(input as HandoffBundle, { recipient: publicJwk }).catch((e: Error) => e);
      expect(error).toMatchObject({ code: 'INVALID_INPUT' });
      expect((error as Error).message).not.toContain(SECRET);
    }
  });
});

describe('inspectHandoff', () => {
  it('accepts only Keyhold hand-offs', async () => {
    const { publicJwk, privateJwk } = await newKeyPair();
    const ecKey = await importJWK(publicJwk, 'ECDH-ES+A256KW');
    const ours = await encryptHandoff(bundle, { recipient: publicJwk });
    const notOurs: [string, string][] = [
      ['garbage', 'not a jwe at all'],
      ['JWS (3 parts)', 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln'],
      ['empty', ''],
      ['vault record', await seal({ clientSecret: SECRET }, publicJwk, { id: 'record-0001', vendor: 'jamf-pro' })],
      ['no cty', await rawJwe({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }, ecKey)],
      ['A128GCM', await rawJwe({ ...recipientHeader, enc: 'A128GCM' }, ecKey)],
      ['dir', withHeader(ours, { alg: 'dir', epk: undefined })],
      [
        'PBES2-HS256',
        await rawJwe({ ...recipientHeader, alg: 'PBES2-HS256+A128KW' }, new TextEncoder().encode(PASSPHRASE), bundle, 600_000),
      ],
      ['ECDH-ES direct', await rawJwe({ ...recipientHeader, alg: 'ECDH-ES' }, ecKey)],
      ['zip', withHeader(ours, { zip: 'DEF' })],
      ['crit', withHeader(ours, { crit: ['exp'], exp: 1 })],
      ['bad kid', withHeader(ours, { kid: '../../etc/passwd' })],
      ['oversize', `${ours}${' '.repeat(2 * 1024 * 1024)}`],
    ];
    for (const [name, jwe] of notOurs) {
      expect(() => inspectHandoff(jwe), name).toThrow(KeyholdError);
      await expect(decryptHandoff(jwe, { privateJwk, passphrase: PASSPHRASE }), name).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});

describe('recipient keys', () => {
  const pemOf = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) => key.export({ type: 'spki', format: 'pem' }) as string;
  const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const p256Jwk = p256.publicKey.export({ format: 'jwk' });
  const p256Pem = pemOf(p256.publicKey);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  const ed25519 = generateKeyPairSync('ed25519');

  it.each([
    ['public JWK', JSON.stringify(p256Jwk)],
    [
      'public JWK with alg/use/kid and padding',
      `\n  ${JSON.stringify({ ...p256Jwk, alg: 'ECDH-ES+A256KW', use: 'enc', kid: 'x' }, null, 2)}  \n`,
    ],
    ['SPKI PEM', p256Pem],
    ['SPKI PEM with CRLF and indentation', p256Pem.replace(/\n/g, '\r\n').replace(/^/gm, '    ')],
    ['SPKI PEM pasted from a JSON string', p256Pem.replace(/\n/g, '\\n')],
    ['SPKI PEM with a comment line around it', `Here is my key:\n${p256Pem}\nThanks!`],
  ])('accepts a %s', async (_name, text) => {
    expect(await parseRecipientKey(text)).toEqual({ kty: 'EC', crv: 'P-256', x: p256Jwk.x, y: p256Jwk.y });
  });

  it.each([
    ['private JWK', JSON.stringify(p256.privateKey.export({ format: 'jwk' })), /PRIVATE key.*PUBLIC key/],
    ['PKCS#8 private PEM', p256.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, /PRIVATE key/],
    ['SEC1 private PEM', p256.privateKey.export({ type: 'sec1', format: 'pem' }) as string, /PRIVATE key/],
    ['RSA JWK', JSON.stringify(rsa.publicKey.export({ format: 'jwk' })), /RSA/],
    ['RSA SPKI PEM', pemOf(rsa.publicKey), /RSA/],
    ['RSA PKCS#1 PEM', rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string, /RSA/],
    ['P-384 JWK', JSON.stringify(p384.publicKey.export({ format: 'jwk' })), /P-384/],
    ['P-384 PEM', pemOf(p384.publicKey), /P-384/],
    ['Ed25519 PEM', pemOf(ed25519.publicKey), /Ed25519/],
    ['certificate', '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n', /certificate/],
    ['SSH key', 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY= me@host', /SSH/],
    ['JWKS', JSON.stringify({ keys: [p256Jwk] }), /key set/],
    ['point off the curve', JSON.stringify({ ...p256Jwk, y: p256Jwk.x }), /not on the P-256 curve/],
    ['damaged PEM', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE!!\n-----END PUBLIC KEY-----', /damaged/],
    ['truncated PEM', p256Pem.replace(/[A-Za-z0-9+/=]{20}\n-----END/, '\n-----END'), /damaged|not on the P-256/],
    ['invalid JSON', '{"kty":"EC", hunter2', /not valid JSON/],
    ['garbage', 'hunter2-garbage-token', /not a public key/],
    ['empty', '   \r\n ', /Paste/],
    ['huge', 'A'.repeat(100_000), /not a public key/],
  ])('refuses a %s with a clear message that does not echo it', async (_name, text, message) => {
    const error = await parseRecipientKey(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyholdError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
    const { message: said } = error as Error;
    expect(said).not.toContain('hunter2');
    for (const piece of text.split(/[\s"{}:,]+/).filter((part) => part.length >= 16)) expect(said).not.toContain(piece);
  });

  it('shares a key as SPKI PEM that parses back, with a stable RFC 7638 fingerprint', async () => {
    const { publicJwk, privateJwk } = await newKeyPair();
    const pem = await publicKeyToPem(publicJwk);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END PUBLIC KEY-----\n$/);
    expect(await parseRecipientKey(pem)).toEqual(publicJwk);
    expect(await publicKeyToPem(privateJwk)).toBe(pem); // only the public half is ever written
    const print = await fingerprint(publicJwk);
    expect(print).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await fingerprint(privateJwk)).toBe(print);
    expect(await fingerprint({ ...publicJwk, kid: 'ignored', alg: 'ECDH-ES+A256KW' })).toBe(print);
  });

  it('generates a recipient key pair whose PKCS#8 half opens what is sealed to its public half', async () => {
    const pair = await generateRecipientKeyPair();
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n$/);
    expect(pair.publicJwk).not.toHaveProperty('d');
    expect(await parseRecipientKey(pair.publicKeyPem)).toEqual(pair.publicJwk);
    expect(pair.fingerprint).toBe(await fingerprint(pair.publicJwk));
    const jwe = await encryptHandoff(bundle, { recipient: await parseRecipientKey(pair.publicKeyPem) });
    const privateJwk = createPrivateKey(pair.privateKeyPem).export({ format: 'jwk' }) as JWK;
    expect(await decryptHandoff(jwe, { privateJwk })).toEqual(bundle);
  });
});
