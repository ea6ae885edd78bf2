// "Copy as .env / JSON / curl" whatever a stored label or value holds (a label from old storage or
// a forged record, values nobody re-validated): the text is run by real shells (sh and bash) in a
// temporary directory, and no command hidden in a label or a value ever runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatValues } from '../../../utils/background/copy-as';
import { credentialTypeIds, type CredentialTypeId } from '../../../utils/vendors/vendor-ids';

const dir = mkdtempSync(join(tmpdir(), 'keyhold-copy-as-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each tries to create a file named PWNED* in the working directory when the text is run. */
const HOSTILE_LABELS = [
  'Jamf prod\ntouch PWNED1',
  'Jamf prod\rtouch PWNED2',
  'Jamf prod\u2028touch PWNED3',
  'Jamf prod\u0085touch PWNED4',
  'Jamf\u001b]0;title\u0007 prod\n$(touch PWNED5)',
  'Jamf prod\u202e\ntouch PWNED6 #',
];
const HOSTILE_VALUES = [
  "it's'; touch PWNED7; echo '",
  '$(touch PWNED8)',
  '`touch PWNED9`',
  'line one\ntouch PWNED10\n',
  "x'\n'touch PWNED11",
  "\\'; touch PWNED12 #",
];

/** Every field of every vendor, each holding a hostile value (a new console adds its own row when it has copy formats). */
const VENDOR_FIELDS: Partial<Record<CredentialTypeId, string[]>> = {
  'jamf-pro': ['baseUrl', 'clientId', 'clientSecret'],
  'jumpcloud-api-key': ['apiKey', 'region', 'orgId'],
  'jumpcloud-service-account': ['clientId', 'clientSecret', 'region', 'orgId'],
  'apple-business': ['clientId', 'keyId', 'privateKey'],
  iru: ['apiUrl', 'token'],
  'jamf-protect': ['protectUrl', 'clientId', 'password'],
  'jamf-school': ['baseUrl', 'networkId', 'apiKey'],
  'jamf-platform': ['region', 'clientId', 'clientSecret', 'environmentId'],
};

/** The fields each vendor's curl command carries. */
const CURL_FIELDS: Partial<Record<CredentialTypeId, string[]>> = {
  'jamf-pro': ['baseUrl', 'clientId', 'clientSecret'],
  'jumpcloud-api-key': ['apiKey', 'orgId'],
  'jumpcloud-service-account': ['clientId', 'clientSecret'],
  'apple-business': ['clientId'],
  iru: ['apiUrl', 'token'],
  // Protect's token call takes JSON: the ID and password are JSON-escaped inside one quoted argument.
  'jamf-protect': ['protectUrl'],
  'jamf-school': ['baseUrl', 'networkId', 'apiKey'],
  'jamf-platform': ['clientId', 'clientSecret'],
};

function hostileValues(vendor: CredentialTypeId, offset: number): Record<string, string> {
  return Object.fromEntries(VENDOR_FIELDS[vendor]!.map((field, i) => [field, HOSTILE_VALUES[(i + offset) % HOSTILE_VALUES.length]]));
}

/** Run `script` with `shell` in a fresh directory; the names of files it created. */
function run(shell: 'sh' | 'bash', script: string, file: string, text: string): { created: string[]; stdout: string } {
  const work = mkdtempSync(join(dir, 'run-'));
  writeFileSync(join(work, file), text);
  const result = spawnSync(shell, ['-c', script], { cwd: work, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  return { created: readdirSync(work).filter((name) => name !== file), stdout: result.stdout };
}

it('names every credential type', () => {
  expect(Object.keys(VENDOR_FIELDS).sort()).toEqual([...credentialTypeIds].sort());
  expect(Object.keys(CURL_FIELDS).sort()).toEqual([...credentialTypeIds].sort());
});

describe.each(Object.keys(VENDOR_FIELDS) as CredentialTypeId[])('%s', (vendor) => {
  it.each(HOSTILE_LABELS.map((label, i) => [i, label]))(
    '.env with hostile label #%i and hostile values runs nothing in sh or bash, and reads back literally',
    (i, label) => {
      const values = hostileValues(vendor, i as number);
      const text = formatValues(vendor, label as string, values, 'env');
      // Exactly one comment line, then one assignment per field (values may span lines inside quotes).
      expect(text.split('\n')[0]).toMatch(/^# [^\n]*$/);
      expect(text).not.toMatch(/[\r\u2028\u2029\u0085\u001b\u202e]/);
      for (const shell of ['sh', 'bash'] as const) {
        const names = Object.keys(values);
        const { created, stdout } = run(
          shell,
          `set -a; . ./k.env; for n in ${names.map((n) => envNameOf(text, n)).join(' ')}; do eval "printf '%s\\0' \\"\\$$n\\""; done`,
          'k.env',
          text,
        );
        expect(created, `${shell} ran a command from:\n${text}`).toEqual([]);
        expect(stdout.split('\0').slice(0, -1)).toEqual(Object.values(values));
      }
    },
  );

  it('curl with hostile values runs nothing but curl, which gets the values literally', () => {
    for (let offset = 0; offset < HOSTILE_VALUES.length; offset++) {
      const values = hostileValues(vendor, offset);
      let text: string;
      try {
        text = formatValues(vendor, 'label', values, 'curl');
      } catch {
        continue; // a vendor without a curl command
      }
      // A stand-in curl records its arguments; anything else that runs leaves a PWNED file.
      for (const shell of ['sh', 'bash'] as const) {
        const { created, stdout } = run(
          shell,
          `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }; CLIENT_ASSERTION=assertion; . ./cmd.sh`,
          'cmd.sh',
          text,
        );
        expect(created, `${shell} ran a command from:\n${text}`).toEqual([]);
        const args = stdout.split('\0');
        for (const field of CURL_FIELDS[vendor] ?? [])
          expect(
            args.some((arg) => arg.includes(values[field].trim())),
            field,
          ).toBe(true);
      }
    }
  });

  it('JSON reads back exactly, with no raw control, separator or bidi character in the text', () => {
    for (const [i, label] of HOSTILE_LABELS.entries()) {
      const values = { ...hostileValues(vendor, i), extra: '\u009b31m\u2028\u202e\u007f' };
      const text = formatValues(vendor, label, values, 'json');
      expect(text).not.toMatch(/[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202e]/);
      expect(JSON.parse(text)).toMatchObject({ vendor, ...values });
    }
  });
});

/** The .env name of a field, read back from the generated text (NAME=…). */
function envNameOf(text: string, field: string): string {
  const snake = field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  const line = text.split('\n').find((l) => new RegExp(`^[A-Z0-9_]*_${snake}=`).test(l));
  if (!line) throw new Error(`no line for ${field} in\n${text}`);
  return line.split('=')[0];
}
