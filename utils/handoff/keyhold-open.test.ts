// bin/keyhold-open.mjs as a recipient runs it: a real `node` process on files made by encryptHandoff.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import {
  encryptHandoff,
  fingerprint,
  generateRecipientKeyPair,
  HANDOFF_CONTENT_TYPE,
  parseRecipientKey,
  type HandoffBundle,
} from './handoff';

const CLI = resolve(__dirname, '../../bin/keyhold-open.mjs');
const SECRET = 'S3CR3T-client-secret-0123456789';
const PASSPHRASE = 'correct horse battery staple';
const dir = mkdtempSync(join(tmpdir(), 'keyhold-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle: HandoffBundle = {
  version: 1,
  exportedAt: '2026-03-01T10:00:00.000Z',
  credentials: [
    { vendor: 'jamf-pro', label: 'Acme prod', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: 'abc', clientSecret: SECRET } },
    // A hostile label and values that would break naive env quoting.
    {
      vendor: 'jamf-pro',
      label: 'Acme prod\n$(touch /tmp/pwned)',
      values: { clientSecret: `it's $HOME \`id\` \\n "q"\nline two` },
      expiresAt: '2026-12-31T00:00:00.000Z',
    },
    { vendor: 'iru', label: '2nd tenant – Zürich', values: { apiToken: 'tok-123' } },
  ],
};

/** The same bundle without the hostile credential: what Keyhold itself still exports. */
const cleanBundle: HandoffBundle = { ...bundle, credentials: [bundle.credentials[0], bundle.credentials[2]] };

/**
 * Sealed as Keyhold seals, without its checks: a hostile sender's file (Keyhold itself refuses
 * labels with control characters since issue #19, but keyhold-open must still be safe on one).
 */
async function seal(content: unknown, recipient: JWK): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(content)))
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: HANDOFF_CONTENT_TYPE, kid: await fingerprint(recipient) })
    .encrypt(await importJWK(recipient, 'ECDH-ES+A256KW'));
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const env = { PATH: process.env.PATH ?? '', ...options.env };
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      try {
        // Whatever happened, stderr is one plain line at most, without a secret or a stack trace.
        expect(stderr).not.toContain(SECRET);
        expect(stderr).not.toContain(PASSPHRASE);
        expect(stderr).not.toMatch(/\n\s+at /);
        expect(stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
        done({ code, stdout, stderr });
      } catch (error) {
        fail(error);
      }
    });
    child.stdin.end(options.input ?? '');
  });
}

function sh(script: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

let counter = 0;
function file(content: string, name = `handoff-${++counter}.keyhold`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('keyhold-open', () => {
  it('--new-key writes a 0600 private key and prints a public key that Keyhold can seal to', async () => {
    const keyDir = mkdtempSync(join(dir, 'key-'));
    const created = await run(['--new-key', keyDir]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const keyPath = join(keyDir, 'keyhold-recipient.pem');
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(created.stdout).not.toContain('PRIVATE KEY');

    // The admin may paste either printed form; both must name the same key and fingerprint.
    const jwkLine = created.stdout.split('\n').find((line) => line.startsWith('{'))!;
    const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(created.stdout)![0];
    const recipient = await parseRecipientKey(jwkLine);
    expect(await parseRecipientKey(pem)).toEqual(recipient);
    const print = /Fingerprint: (\S+)/.exec(created.stdout)![1];
    expect(print).toBe(await fingerprint(recipient));

    const path = file(`${await seal(bundle, recipient)}\n`);
    const opened = await run([path, '--key', keyPath]);
    expect(opened).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(opened.stdout)).toEqual(bundle);

    // env output survives a real shell: hostile labels stay comments, values stay literal.
    const envOut = await run([path, '--key', keyPath, '--format', 'env']);
    expect(envOut.code).toBe(0);
    expect(envOut.stdout).toContain("ACME_PROD_CLIENT_SECRET='S3CR3T");
    expect(envOut.stdout).toContain('# jamf-pro: Acme prod $(touch /tmp/pwned) (expires 2026-12-31T00:00:00.000Z)');
    const envFile = file(envOut.stdout, 'out.env');
    const sourced = await sh(
      `set -a; . '${envFile}'; printf '%s|SEP|%s|SEP|%s|SEP|%s' "$ACME_PROD_CLIENT_SECRET" "$ACME_PROD_TOUCH_TMP_PWNED_CLIENT_SECRET" "$_2ND_TENANT_ZURICH_API_TOKEN" "$ACME_PROD_BASE_URL"`,
    );
    expect(sourced.stderr).toBe('');
    expect(sourced.stdout.split('|SEP|')).toEqual([
      SECRET,
      bundle.credentials[1].values.clientSecret,
      'tok-123',
      'https://acme.jamfcloud.com',
    ]);

    // --out: created 0600, never overwritten.
    const outPath = join(dir, 'opened.json');
    expect(await run([path, '--key', keyPath, '--out', outPath])).toMatchObject({ code: 0, stdout: '' });
    expect(statSync(outPath).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(outPath, 'utf8'))).toEqual(bundle);
    expect(await run([path, '--key', keyPath, '--out', outPath])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/already exists/),
    });

    // A second --new-key into the same folder must not destroy the first key.
    expect(await run(['--new-key', keyDir])).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });
    expect(readFileSync(keyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('opens a passphrase file from KEYHOLD_PASSPHRASE or stdin, and refuses a wrong passphrase', async () => {
    const path = file(await encryptHandoff(cleanBundle, { passphrase: PASSPHRASE }));
    const opened = await run([path], { env: { KEYHOLD_PASSPHRASE: PASSPHRASE } });
    expect(opened).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(opened.stdout)).toEqual(cleanBundle);
    const wrong = await run([path, '--passphrase-stdin'], { input: 'not the passphrase at all\n' });
    expect(wrong).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^keyhold-open: That passphrase does not open this file/),
    });
    expect(wrong.stderr).not.toContain('not the passphrase');
  });

  it('refuses the wrong key, naming both fingerprints', async () => {
    const intended = await generateRecipientKeyPair();
    const other = await generateRecipientKeyPair();
    const path = file(await encryptHandoff(cleanBundle, { recipient: intended.publicJwk }));
    const otherKey = file(other.privateKeyPem, 'other.pem');
    const result = await run([path, '--key', otherKey]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain(`encrypted for a different key (fingerprint ${intended.fingerprint})`);
    expect(result.stderr).toContain(other.fingerprint);
    // A public key, an RSA key and a missing key file are refused plainly.
    expect(await run([path, '--key', file(intended.publicKeyPem, 'public.pem')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not a private key/),
    });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(await run([path, '--key', file(rsa, 'rsa.pem')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not an EC P-256 key/),
    });
    expect(await run([path, '--key', join(dir, 'missing.pem')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/no such file/) });
  });

  it('refuses downgraded and foreign files and bad usage before any key derivation', async () => {
    const downgraded = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(bundle)))
      .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: HANDOFF_CONTENT_TYPE })
      .setKeyManagementParameters({ p2c: 1_000 })
      .encrypt(new TextEncoder().encode(PASSPHRASE));
    const env = { KEYHOLD_PASSPHRASE: PASSPHRASE };
    expect(await run([file(downgraded)], { env })).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/fewer than 600,000/),
    });
    const parts = downgraded.split('.');
    parts[0] = Buffer.from(
      JSON.stringify({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: HANDOFF_CONTENT_TYPE, p2c: 50_000_000, p2s: 'AAAAAAAAAAA' }),
    ).toString('base64url');
    expect(await run([file(parts.join('.'))], { env })).toMatchObject({ code: 1, stderr: expect.stringMatching(/more than 10,000,000/) });
    expect(await run([file('just some text')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a Keyhold hand-off/) });

    const { publicJwk } = await generateRecipientKeyPair();
    const sealed = file(await encryptHandoff(cleanBundle, { recipient: publicJwk }));
    expect(await run([sealed])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--key/) });
    const passphraseFile = file(withP2c(downgraded, 600_000));
    expect(await run([passphraseFile])).toMatchObject({ code: 2, stderr: expect.stringMatching(/KEYHOLD_PASSPHRASE/) });
    expect(await run([])).toMatchObject({ code: 2 });
    expect(await run([sealed, '--format', 'yaml'])).toMatchObject({ code: 2 });
    expect(await run([sealed, `--passphrase=${PASSPHRASE}`])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown option '--passphrase'/),
    });
    expect(await run([join(dir, 'nope.keyhold')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/no such file/) });
    const help = await run(['--help']);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage:\n {2}keyhold-open FILE\.keyhold/) });
  });
});

describe('keyhold-open and terminal control sequences', () => {
  // ESC sequences (set the title, clear the screen), an 8-bit CSI, a carriage return, bidi overrides.
  const label = 'Evil\u001b]0;owned\u0007 \u009b2J\r\u202eNOT\u2066 \u2028label';
  const hostile = {
    version: 1,
    exportedAt: '2026-03-01T10:00:00.000Z',
    credentials: [
      {
        vendor: 'jamf-pro\u001b[31m',
        label,
        values: { clientSecret: 'a\u001b[2Jb', note: 'c\u009b31md\u202e', pem: '-----BEGIN-----\nabc\n-----END-----' },
      },
    ],
  };
  const TERMINAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

  it('JSON output escapes them, and reads back exactly', async () => {
    const { publicJwk, privateKeyPem } = await generateRecipientKeyPair();
    const path = file(await seal(hostile, publicJwk));
    const opened = await run([path, '--key', file(privateKeyPem, 'terminal-json.pem')]);
    expect(opened).toMatchObject({ code: 0, stderr: '' });
    expect(opened.stdout).not.toMatch(TERMINAL);
    expect(JSON.parse(opened.stdout)).toEqual(hostile);
  });

  it('env output prints labels as one plain line, and refuses a value holding them (pointing to JSON)', async () => {
    const { publicJwk, privateKeyPem } = await generateRecipientKeyPair();
    const key = file(privateKeyPem, 'terminal-env.pem');
    const refused = await run([file(await seal(hostile, publicJwk)), '--key', key, '--format', 'env']);
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/control characters .* use --format json/) });
    expect(refused.stderr).not.toMatch(TERMINAL);

    const onlyLabel = {
      ...hostile,
      credentials: [{ ...hostile.credentials[0], values: { pem: hostile.credentials[0].values.pem, tab: 'a\tb' } }],
    };
    const opened = await run([file(await seal(onlyLabel, publicJwk)), '--key', key, '--format', 'env']);
    expect(opened).toMatchObject({ code: 0, stderr: '' });
    expect(opened.stdout.replace(/\t/g, '')).not.toMatch(TERMINAL);
    const comment = opened.stdout.split('\n').find((line) => line.startsWith('# jamf-pro'));
    expect(comment).toBe('# jamf-pro [31m: Evil ]0;owned   2J NOT   label');
    const sourced = await sh(`set -a; . '${file(opened.stdout, 'terminal.env')}'; printf '%s' "$EVIL_0_OWNED_2J_NOT_LABEL_PEM"`);
    expect(sourced).toMatchObject({ code: 0, stderr: '', stdout: hostile.credentials[0].values.pem });
  });
});

function withP2c(jwe: string, p2c: number): string {
  const parts = jwe.split('.');
  const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
  parts[0] = Buffer.from(JSON.stringify({ ...header, p2c })).toString('base64url');
  return parts.join('.');
}
