import { describe, expect, it } from 'vitest';
import { createVaultKeys, open, PBKDF2_ITERATIONS, seal, unwrapPrivateKey } from './vault-crypto';
import { KeyholdError } from '../errors';

const FAST = { iterations: 100_000 };
const values = { baseUrl: 'https://acme.jamfcloud.com', clientId: 'abc', clientSecret: 's3cr3t-value-1234567890' };
const binding = { id: 'record-0001', vendor: 'jamf-pro' };

describe('vault crypto', () => {
  it('derives the key-encryption key with PBKDF2-SHA256 at 600,000 iterations by default', async () => {
    const { meta } = await createVaultKeys('a long enough passphrase');
    expect(meta.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(JSON.stringify(meta)).not.toContain('"d"');
  });

  it('seals to the public key and opens only with the unwrapped private key', async () => {
    const { meta } = await createVaultKeys('a long enough passphrase', FAST);
    const jwe = await seal(values, meta.publicJwk, binding);
    expect(jwe.split('.')).toHaveLength(5);
    expect(jwe).not.toContain('s3cr3t');
    const header = JSON.parse(Buffer.from(jwe.split('.')[0], 'base64url').toString());
    expect(header).toMatchObject({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: binding.id });
    const privateJwk = await unwrapPrivateKey(meta, 'a long enough passphrase');
    expect(await open(jwe, privateJwk, binding)).toEqual(values);
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE', async () => {
    const { meta } = await createVaultKeys('a long enough passphrase', FAST);
    await expect(unwrapPrivateKey(meta, 'another long passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });

  it('detects a flipped byte and a blob moved to another record', async () => {
    const { meta, privateJwk } = await createVaultKeys('a long enough passphrase', FAST);
    const jwe = await seal(values, meta.publicJwk, binding);
    const parts = jwe.split('.');
    const ciphertext = Buffer.from(parts[3], 'base64url');
    ciphertext[0] ^= 0x01;
    parts[3] = ciphertext.toString('base64url');
    await expect(open(parts.join('.'), privateJwk, binding)).rejects.toMatchObject({ code: 'CORRUPTED_RECORD' });
    await expect(open(jwe, privateJwk, { ...binding, id: 'record-0002' })).rejects.toMatchObject({ code: 'CORRUPTED_RECORD' });
  });

  it('reports a damaged wrapped key as VAULT_DAMAGED or WRONG_PASSPHRASE, never as success', async () => {
    const { meta } = await createVaultKeys('a long enough passphrase', FAST);
    const broken = { ...meta, publicJwk: { ...meta.publicJwk, x: meta.publicJwk.y } };
    await expect(unwrapPrivateKey(broken, 'a long enough passphrase')).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
  });
});
