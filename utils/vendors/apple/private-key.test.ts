import { createPrivateKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyholdError } from '../../errors';
import { parseApplePrivateKey, privateKeyProblem, readPrivateKeyDer } from './private-key';

/** Apple's download: the PKCS#8 body under an "EC PRIVATE KEY" label, 64-column lines, no final newline. */
function applePem(key: KeyObject): string {
  const body = key.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  return ['-----BEGIN EC PRIVATE KEY-----', ...body.match(/.{1,64}/g)!, '-----END EC PRIVATE KEY-----'].join('\n');
}

function relabel(pem: string, label: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, (_, edge: string) => `-----${edge} ${label}-----`);
}

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const apple = applePem(p256.privateKey);
const sec1 = p256.privateKey.export({ type: 'sec1', format: 'pem' }) as string;
const pkcs8 = p256.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

// A public certificate (self-signed, EC P-256, CN=keyhold-test): no secret in it.
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBgjCCASmgAwIBAgIUV1woS0mvqs5RDWZunF4QaOF3xvgwCgYIKoZIzj0EAwIw
FzEVMBMGA1UEAwwMa2V5aG9sZC10ZXN0MB4XDTI2MTEyMzA1NDIzM1oXDTM2MTEy
MDA1NDIzM1owFzEVMBMGA1UEAwwMa2V5aG9sZC10ZXN0MFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAE4iP2qTDDMMTQKvot3hVU3BPPG3y/ELLYKKxTj02evtpuozcQ
As48yNLiKxKQ+5ysEI7ZLdPJZaSd3i0MPWyVcaNTMFEwHQYDVR0OBBYEFMQRgZEP
rlomBffTk95cosS1Q9SOMB8GA1UdIwQYMBaAFMQRgZEPrlomBffTk95cosS1Q9SO
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgCkmw2nH2JefO2W9D
7VU1ScmV0Cfr+zMnby135MDUiJoCIDg9eeR1miYM3Hq8JwfgiVSJNx9YKBs8oKue
HyjQIpCt
-----END CERTIFICATE-----`;

async function signsFor(pem: string, publicKey: KeyObject) {
  const { key, pkcs8Pem } = await parseApplePrivateKey(pem);
  expect(key.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
  expect(key.usages).toEqual(['sign']);
  const data = new TextEncoder().encode('keyhold');
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, data));
  expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
  return pkcs8Pem;
}

describe('parseApplePrivateKey: accepted encodings', () => {
  it("reads Apple's own file (PKCS#8 body under an EC PRIVATE KEY label, 246 characters)", async () => {
    expect(apple).toHaveLength(246);
    const pkcs8Pem = await signsFor(apple, p256.publicKey);
    // Re-armoured as standard PKCS#8: byte-identical to what OpenSSL exports for the same key.
    expect(pkcs8Pem).toBe(pkcs8);
    expect(pkcs8Pem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
  });

  it('reads a true SEC1 EC key and wraps it into PKCS#8', async () => {
    expect(sec1).toMatch(/^-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE/);
    expect(await signsFor(sec1, p256.publicKey)).toBe(pkcs8);
  });

  it('reads a SEC1 key without its public key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = privateKey.export({ type: 'sec1', format: 'der' });
    // SEQUENCE { INTEGER 1, OCTET STRING d, [0] OID P-256 }: drop the trailing [1] public key.
    const d = der.subarray(7, 39);
    const bare = Buffer.concat([Buffer.from('3031020101', 'hex'), Buffer.from('0420', 'hex'), d, Buffer.from('a00a06082a8648ce3d030107', 'hex')]);
    const pem = `-----BEGIN EC PRIVATE KEY-----\n${bare.toString('base64')}\n-----END EC PRIVATE KEY-----\n`;
    await signsFor(pem, publicKey);
  });

  it('reads a PKCS#8 file labelled PRIVATE KEY', async () => {
    expect(await signsFor(pkcs8, p256.publicKey)).toBe(pkcs8);
  });

  it.each([
    ['CRLF line ends', apple.replace(/\n/g, '\r\n')],
    ['a byte-order mark and surrounding blank lines', `\uFEFF\n\n${apple}\n\n`],
    ['indented lines', apple.split('\n').map((line) => `    ${line}`).join('\n')],
    ['the body on one line', apple.replace(/\n(?!-)/g, '')],
    ['text around the armour (openssl "Bag Attributes")', `Bag Attributes\n    localKeyID: 01 02\n${apple}\ntrailing note\n`],
    ['an EC PARAMETERS block first (openssl ecparam -genkey)', `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${sec1}`],
  ])('tolerates %s', async (_, pem) => {
    expect(await signsFor(pem, p256.publicKey)).toBe(pkcs8);
  });
});

describe('parseApplePrivateKey: files it refuses, and why', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const ed = generateKeyPairSync('ed25519');
  const armour = (label: string, der: Buffer) =>
    `-----BEGIN ${label}-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
  const appleBody = apple.split('\n').slice(1, -1).join('');
  const der = Buffer.from(appleBody, 'base64');

  const cases: [string, string, RegExp][] = [
    ['an empty file', '', /empty/],
    ['blank lines only', ' \n\r\n\t', /empty/],
    ['garbage', 'hello, this is not a key', /not a PEM key file/],
    ['binary DER read as text', der.toString('latin1'), /not a PEM key file/],
    ['an SSH public key', 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAA= admin@mac', /SSH public key/],
    ['an OpenSSH private key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----', /SSH private key/],
    ['a certificate', CERTIFICATE, /certificate, not a private key/],
    ['a certificate under a private-key label', relabel(CERTIFICATE, 'EC PRIVATE KEY'), /certificate, not a private key/],
    ['a public key (SPKI)', p256.publicKey.export({ type: 'spki', format: 'pem' }) as string, /public key; Keyhold needs the private key/],
    ['a public key under a private-key label', relabel(p256.publicKey.export({ type: 'spki', format: 'pem' }) as string, 'PRIVATE KEY'), /public key/],
    ['an RSA key (PKCS#1)', rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, /RSA key/],
    ['an RSA key (PKCS#8)', rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, /RSA key/],
    ['an RSA key under an EC label', relabel(rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, 'EC PRIVATE KEY'), /RSA key/],
    ['a P-384 key (SEC1)', p384.privateKey.export({ type: 'sec1', format: 'pem' }) as string, /P-384 \(secp384r1\); Apple's API keys use P-256/],
    ['a P-384 key (PKCS#8)', p384.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, /P-384/],
    ['a secp256k1 key', k1.privateKey.export({ type: 'sec1', format: 'pem' }) as string, /secp256k1/],
    ['an Ed25519 key', ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, /Ed25519 key/],
    [
      'an encrypted PKCS#8 key',
      p256.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string,
      /encrypted with a password/,
    ],
    [
      'an encrypted PKCS#8 body under a plain label',
      relabel(p256.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string, 'PRIVATE KEY'),
      /encrypted with a password/,
    ],
    [
      'a legacy encrypted SEC1 key (Proc-Type header)',
      p256.privateKey.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'correct horse' }) as string,
      /encrypted with a password/,
    ],
    ['a key cut short (no END line)', apple.split('\n').slice(0, 3).join('\n'), /cut short/],
    ['mismatched BEGIN and END lines', apple.replace('END EC PRIVATE KEY', 'END PRIVATE KEY'), /cut short|name different things/],
    ['extra text inside the armour', apple.replace('\n-----END', '\n(copy of the key for Jamf)\n-----END'), /extra or missing characters/],
    ['a damaged character', apple.replace(/(-----\n.{10})./, '$1!'), /extra or missing characters/],
    ['a missing character', apple.replace(/(-----\n.{10})./, '$1'), /extra or missing characters|damaged/],
    ['a header line inside the key', apple.replace('-----\n', '-----\nComment: exported\n'), /extra header lines/],
    ['an empty body', '-----BEGIN EC PRIVATE KEY-----\n\n-----END EC PRIVATE KEY-----', /no key between/],
    ['two keys in one file', `${apple}\n${pkcs8}`, /several private keys/],
    ['extra bytes after the key', armour('EC PRIVATE KEY', Buffer.concat([der, Buffer.from([0, 0])])), /extra data after the key/],
    ['a truncated structure', armour('EC PRIVATE KEY', der.subarray(0, 100)), /damaged/],
    ['random bytes', armour('PRIVATE KEY', Buffer.from('00112233445566778899aabbccddeeff', 'hex')), /damaged/],
  ];

  it.each(cases)('%s', async (_, pem, message) => {
    const error = await parseApplePrivateKey(pem).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(KeyholdError);
    expect((error as KeyholdError).code).toBe('INVALID_INPUT');
    expect((error as KeyholdError).message).toMatch(message);
    // The synchronous check (used by the values schema) gives the same answer.
    expect(privateKeyProblem(pem)).toBe((error as KeyholdError).message);
    // Never a piece of the file in the message.
    const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    for (let i = 0; i + 16 <= body.length; i += 16) expect((error as KeyholdError).message).not.toContain(body.slice(i, i + 16));
  });

  it('refuses a well-formed P-256 structure whose key value is out of range', async () => {
    const bad = Buffer.concat([Buffer.from('3031020101', 'hex'), Buffer.from('0420', 'hex'), Buffer.alloc(32, 0xff), Buffer.from('a00a06082a8648ce3d030107', 'hex')]);
    const pem = armour('EC PRIVATE KEY', bad);
    expect(privateKeyProblem(pem)).toBeNull(); // shape is fine…
    await expect(parseApplePrivateKey(pem)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/could not load it as a P-256 key/) });
  });
});

describe('readPrivateKeyDer', () => {
  it('returns the canonical PKCS#8 DER that node:crypto loads', () => {
    const der = readPrivateKeyDer(sec1);
    const key = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });
});
