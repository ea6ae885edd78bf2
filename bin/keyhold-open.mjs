#!/usr/bin/env node
// keyhold-open: open a Keyhold hand-off (.keyhold file) without the extension.
//
// Plain Node ESM on jose + built-ins only, so a recipient can run it with nothing but Node.
// It re-implements the decrypt half of utils/handoff/handoff.ts; the rules must stay in step:
// the same alg/enc allow-list, content type, 2 MB cap and PBES2 iteration bounds.
//
// Errors are one plain line on stderr (exit 2: usage, 1: anything else); never a stack trace,
// never a passphrase or a credential value.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { calculateJwkThumbprint, compactDecrypt, decodeProtectedHeader } from 'jose';

const CONTENT_TYPE = 'application/vnd.keyhold.handoff+json';
const RECIPIENT_ALG = 'ECDH-ES+A256KW';
const PASSPHRASE_ALG = 'PBES2-HS512+A256KW';
const CONTENT_ENC = 'A256GCM';
const MIN_ITERATIONS = 600_000; // below: a downgraded file
const MAX_ITERATIONS = 10_000_000; // above: a file built to burn CPU
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const NEW_KEY_FILE = 'keyhold-recipient.pem';
// What a terminal acts on (C0 controls, DEL, C1 controls such as the 8-bit CSI) or what reorders or
// breaks lines (separators, bidi controls) is never printed raw from a hand-off's labels or values.
/** In a comment: any of them (a line break would start a command). */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]+/g;
/** In an env value: tab and line feed are plain text (PEM keys span lines); the rest is refused. */
const UNSAFE_IN_VALUE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
/** In JSON text: what JSON.stringify leaves raw (it escapes only C0). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const USAGE = `Usage:
  keyhold-open FILE.keyhold [--key private.pem] [--format json|env] [--out FILE] [--passphrase-stdin]
  keyhold-open --new-key [DIR]

Opens a Keyhold hand-off and prints the credentials (JSON by default).

  --key FILE           your private key (PEM or JWK), for files sealed to your public key
  --format json|env    env: shell-quoted NAME='value' lines, one group per credential
  --out FILE           write to FILE (created with mode 0600, never overwritten) instead of stdout
  --passphrase-stdin   read the passphrase from standard input instead of the terminal
  --new-key [DIR]      create ${NEW_KEY_FILE} in DIR (default: here) and print the public key
                       and fingerprint to send to the Keyhold admin

Passphrase files ask for the passphrase on the terminal, or read KEYHOLD_PASSPHRASE.
Exit codes: 0 opened, 1 could not open, 2 usage error.`;

class CliError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        key: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        'passphrase-stdin': { type: 'boolean' },
        'new-key': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs names the option, never its value; its first sentence is all the user needs.
    throw new CliError(`${String(error.message).split(/\.\s|\n/)[0]}. Run keyhold-open --help.`, 2);
  }
  const { values: opts, positionals } = parsed;
  if (opts.help) return void process.stdout.write(`${USAGE}\n`);
  if (opts['new-key']) {
    if (positionals.length > 1) throw new CliError('--new-key takes at most one directory.', 2);
    return newKey(positionals[0] ?? '.');
  }
  if (positionals.length !== 1) throw new CliError('Give exactly one .keyhold file. Run keyhold-open --help.', 2);
  if (opts.format !== 'json' && opts.format !== 'env') throw new CliError('--format must be json or env.', 2);

  const { compact, mode, kid } = readHandoff(positionals[0]);
  let plaintext;
  if (mode === 'recipient') {
    if (!opts.key) {
      throw new CliError(`This file is sealed to a key (fingerprint ${kid ?? 'not recorded'}); pass your private key with --key FILE.`, 2);
    }
    const { jwk, print } = await readPrivateKey(opts.key);
    if (kid !== undefined && kid !== print) {
      throw new CliError(`This file was encrypted for a different key (fingerprint ${kid}); ${opts.key} has fingerprint ${print}.`);
    }
    try {
      ({ plaintext } = await compactDecrypt(compact, jwk, {
        keyManagementAlgorithms: [RECIPIENT_ALG],
        contentEncryptionAlgorithms: [CONTENT_ENC],
      }));
    } catch {
      throw new CliError('This file does not open with this key: it was altered or damaged on the way. Ask the sender to export again.');
    }
  } else {
    // NFC as in the extension, so the same passphrase typed anywhere derives the same key.
    const passphrase = (await readPassphrase(opts['passphrase-stdin'])).normalize('NFC');
    if (!passphrase) throw new CliError('No passphrase given.', 2);
    try {
      ({ plaintext } = await compactDecrypt(compact, new TextEncoder().encode(passphrase), {
        keyManagementAlgorithms: [PASSPHRASE_ALG],
        contentEncryptionAlgorithms: [CONTENT_ENC],
        maxPBES2Count: MAX_ITERATIONS,
      }));
    } catch {
      throw new CliError('That passphrase does not open this file (or the file was damaged on the way).');
    }
  }

  const bundle = parseBundle(plaintext);
  const output = opts.format === 'env' ? toEnv(bundle) : `${toJson(bundle)}\n`;
  if (opts.out) {
    writeNew(opts.out, output);
    process.stderr.write(`Wrote ${bundle.credentials.length} credential(s) to ${opts.out}.\n`);
  } else {
    process.stdout.write(output);
  }
}

/** Check the file is a Keyhold hand-off before any expensive work (same rules as inspectHandoff). */
function readHandoff(path) {
  const notHandoff = (why) => new CliError(`${path} is not a Keyhold hand-off file: ${why}`);
  if (statFile(path).size > MAX_FILE_BYTES) throw notHandoff('it is larger than 2 MB.');
  const compact = readFileSync(path, 'utf8').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){4}$/.test(compact)) throw notHandoff('it is not an encrypted Keyhold export.');
  let header;
  try {
    header = decodeProtectedHeader(compact);
  } catch {
    throw notHandoff('its header is damaged.');
  }
  if (header.cty !== CONTENT_TYPE) throw notHandoff('it is some other encrypted data.');
  if (header.enc !== CONTENT_ENC || 'zip' in header || 'crit' in header) throw notHandoff('it uses options Keyhold never writes.');
  if (header.alg === RECIPIENT_ALG) {
    if (header.kid !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(String(header.kid))) throw notHandoff('its key fingerprint is malformed.');
    return { compact, mode: 'recipient', kid: header.kid };
  }
  if (header.alg === PASSPHRASE_ALG) {
    const { p2c } = header;
    if (!Number.isSafeInteger(p2c) || typeof header.p2s !== 'string') throw notHandoff('its passphrase settings are missing.');
    if (p2c < MIN_ITERATIONS)
      throw new CliError(
        'This file uses fewer than 600,000 passphrase iterations, which Keyhold never writes: it may have been tampered with.',
      );
    if (p2c > MAX_ITERATIONS)
      throw new CliError('This file asks for more than 10,000,000 passphrase iterations; refusing to spend that much work on it.');
    return { compact, mode: 'passphrase' };
  }
  throw notHandoff('it uses a key-management algorithm Keyhold does not accept.');
}

/** Accepts PKCS#8 / SEC1 PEM (openssl, --new-key) or a private JWK; only EC P-256. */
async function readPrivateKey(path) {
  if (statFile(path).size > 64 * 1024) throw new CliError(`${path} is too large to be a private key.`);
  const text = readFileSync(path, 'utf8').trim();
  if (/BEGIN ENCRYPTED PRIVATE KEY/.test(text)) {
    throw new CliError(`${path} is password-protected; remove the password first (openssl pkey -in ${path} -out plain.pem).`);
  }
  let keyObject;
  try {
    keyObject = text.startsWith('{') ? createPrivateKey({ key: JSON.parse(text), format: 'jwk' }) : createPrivateKey(text);
  } catch {
    throw new CliError(`${path} is not a private key (expected a PEM "BEGIN PRIVATE KEY" block or a private JWK).`);
  }
  if (keyObject.asymmetricKeyType !== 'ec' || keyObject.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new CliError(`${path} is not an EC P-256 key; Keyhold hand-offs use P-256.`);
  }
  const { kty, crv, x, y, d } = keyObject.export({ format: 'jwk' });
  return { jwk: { kty, crv, x, y, d }, print: await calculateJwkThumbprint({ kty, crv, x, y }, 'sha256') };
}

/** --passphrase-stdin, then KEYHOLD_PASSPHRASE, then the terminal (without echo). */
async function readPassphrase(fromStdin) {
  if (fromStdin) {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  if (process.env.KEYHOLD_PASSPHRASE) return process.env.KEYHOLD_PASSPHRASE;
  if (!process.stdin.isTTY)
    throw new CliError('This file needs a passphrase: run in a terminal, set KEYHOLD_PASSPHRASE, or use --passphrase-stdin.', 2);
  return promptHidden('Passphrase: ');
}

function promptHidden(prompt) {
  return new Promise((resolvePassphrase, reject) => {
    const stdin = process.stdin;
    let typed = '';
    const finish = (error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      error ? reject(error) : resolvePassphrase(typed);
    };
    const onData = (data) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new CliError('Cancelled.', 130));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** Minimal shape check, mirroring handoffBundleSchema (vendor names are not pinned: newer exports may add some). */
function parseBundle(plaintext) {
  let bundle;
  try {
    bundle = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    bundle = undefined;
  }
  const invalid = new CliError('The file opened but its contents are not a valid Keyhold hand-off.');
  if (typeof bundle?.version === 'number' && bundle.version > 1)
    throw new CliError('This hand-off was made by a newer Keyhold; update keyhold-open.');
  if (bundle?.version !== 1 || typeof bundle.exportedAt !== 'string' || !Array.isArray(bundle.credentials)) throw invalid;
  if (bundle.credentials.length < 1 || bundle.credentials.length > 500) throw invalid;
  for (const c of bundle.credentials) {
    const valuesOk =
      c?.values && typeof c.values === 'object' && !Array.isArray(c.values) && Object.values(c.values).every((v) => typeof v === 'string');
    if (typeof c?.vendor !== 'string' || typeof c.label !== 'string' || !valuesOk) throw invalid;
    if (c.expiresAt !== undefined && typeof c.expiresAt !== 'string') throw invalid;
  }
  return bundle;
}

/**
 * POSIX-shell lines (`set -a; . ./file`): names are [A-Z0-9_] built from the label and field name,
 * values single-quoted (which keeps $, `, \ and newlines literal), comments stripped of control
 * characters so a hostile label cannot start a new line.
 */
function toEnv(bundle) {
  const used = new Set();
  const lines = [`# Keyhold hand-off exported ${oneLine(bundle.exportedAt)}`];
  for (const credential of bundle.credentials) {
    const base = envName(credential.label) || envName(credential.vendor) || 'CREDENTIAL';
    let prefix = base;
    for (let n = 2; used.has(prefix); n++) prefix = `${base}_${n}`;
    used.add(prefix);
    const expires = credential.expiresAt ? ` (expires ${oneLine(credential.expiresAt)})` : '';
    lines.push('', `# ${oneLine(credential.vendor)}: ${oneLine(credential.label)}${expires}`);
    for (const [field, value] of Object.entries(credential.values)) {
      if (UNSAFE_IN_VALUE.test(value)) {
        throw new CliError(
          'A value holds control characters that a terminal would act on, so it is not printed as an env line; use --format json, which escapes them.',
        );
      }
      const name = envName(field.replace(/([a-z0-9])([A-Z])/g, '$1_$2')) || 'VALUE';
      lines.push(`${prefix}_${name}='${value.replaceAll("'", `'\\''`)}'`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function envName(text) {
  const name = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function oneLine(text) {
  return String(text).replace(UNSAFE_IN_LINE, ' ');
}

/** JSON with every character a terminal could act on escaped (JSON.stringify escapes only C0). */
function toJson(bundle) {
  return JSON.stringify(bundle, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** --new-key: a P-256 key pair; the private half is written 0600 and never printed. */
async function newKey(dir) {
  const path = join(resolve(dir), NEW_KEY_FILE);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeNew(path, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  const jwk = { kty, crv, x, y };
  const print = await calculateJwkThumbprint(jwk, 'sha256');
  process.stdout.write(
    [
      `Private key written to ${path} (keep it; it opens the files sent to you).`,
      '',
      'Send this public key to the Keyhold admin (either form works):',
      '',
      JSON.stringify(jwk),
      '',
      publicKey.export({ type: 'spki', format: 'pem' }).trimEnd(),
      '',
      `Fingerprint: ${print}`,
      'Compare it with the fingerprint Keyhold shows the admin before they export.',
      '',
    ].join('\n'),
  );
}

/** 'wx': never overwrite (a key or an earlier export) and never follow a planted symlink. */
function writeNew(path, content) {
  try {
    writeFileSync(path, content, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    throw fileError(error, path);
  }
}

function statFile(path) {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw Object.assign(new Error(), { code: 'EISDIR' });
    return stats;
  } catch (error) {
    throw fileError(error, path);
  }
}

function fileError(error, path) {
  const reasons = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EEXIST: 'it already exists (choose another name or remove it first)',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a parent is not a directory',
  };
  return new CliError(`Cannot use ${path}: ${reasons[error?.code] ?? 'the file system refused'}.`);
}

main(process.argv.slice(2)).then(
  () => {},
  (error) => {
    // Only our own messages are printed; anything unexpected is reduced to its class name.
    const message = error instanceof CliError ? error.message : `unexpected ${error?.name ?? 'error'}; nothing was written.`;
    process.stderr.write(`keyhold-open: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  },
);
