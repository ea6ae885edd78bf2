// `npm run new-vendor -- <id> [--name "Display Name"] [--root <dir>]`: scaffold a console.
//
// Writes utils/vendors/<id>/ (detector, DOM-only console, credential type with its data-only
// description, templates, guide, unit and integration tests) and tests/mock-vendors/<id>/ (a strict
// mock: token endpoint, one read, a fixture console page), then adds the console to the one
// vendor list (vendor-ids.ts: its facts and its hosts) and one line to each registry keyed by it
// (registry.ts, console-registry.ts, detector-registry.ts, descriptions.ts, content-scripts.ts,
// tests/mock-vendors/index.ts). Nothing else changes, and no file is written outside those two
// folders: hosts, the manifest, the policy schema and the hand-off derive from the vendor list, and
// the console's content script is generated at build time from its family line in
// content-scripts.ts and its own console.ts (modules/content-scripts). The scaffold makes it a
// family of its own; to join an existing family, name that family on the same line.
// Afterwards `npm run typecheck` and `npm run test:unit` pass; then replace the placeholders
// (hosts under .example, formats, API calls, guide text) with the vendor's real ones.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ScaffoldResult {
  created: string[];
  changed: string[];
}

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (id: string) => camel(id).replace(/^./, (c) => c.toUpperCase());
const title = (id: string) =>
  id
    .split('-')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');

/** Insert `line` just before the closing `};` of the `const <name>... = {` block. */
function addToRecord(source: string, declaration: RegExp, line: string, file: string): string {
  const match = declaration.exec(source);
  if (!match) throw new Error(`${file}: could not find ${declaration}`);
  const close = source.indexOf('\n};', match.index);
  if (close < 0) throw new Error(`${file}: the record has no closing "};"`);
  return `${source.slice(0, close)}\n${line}${source.slice(close)}`;
}

/** Insert `line` before the marker comment (vendor-ids.ts keeps one per record). */
function addBeforeMarker(source: string, marker: string, line: string, file: string): string {
  const at = source.indexOf(marker);
  if (at < 0) throw new Error(`${file}: could not find "${marker.trim()}"`);
  const lineStart = source.lastIndexOf('\n', at) + 1;
  return `${source.slice(0, lineStart)}${line}\n${source.slice(lineStart)}`;
}

/** Insert an import after the last top-level import. */
function addImport(source: string, line: string, file: string): string {
  const imports = [...source.matchAll(/^import .*;$/gm)];
  const last = imports.at(-1);
  if (!last) throw new Error(`${file}: no import to add after`);
  const end = last.index! + last[0].length;
  return `${source.slice(0, end)}\n${line}${source.slice(end)}`;
}

export function scaffoldVendor(root: string, id: string, name = title(id)): ScaffoldResult {
  if (!ID.test(id) || id.length > 30)
    throw new Error(`"${id}" is not a console id: lower-case letters, digits and single dashes, at most 30 characters.`);
  if (/['`\\$]/.test(name)) throw new Error('The display name cannot contain quotes, backticks, backslashes or "$".');
  const vendorDir = path.join(root, 'utils/vendors', id);
  const mockDir = path.join(root, 'tests/mock-vendors', id);
  const idsFile = path.join(root, 'utils/vendors/vendor-ids.ts');
  const ids = fs.readFileSync(idsFile, 'utf8');
  const c = camel(id);
  const mockIndex = fs.readFileSync(path.join(root, 'tests/mock-vendors/index.ts'), 'utf8');
  const taken = new RegExp(`^  '?${id}'?: `, 'm').test(ids) || ids.includes(`'${id}'`) || new RegExp(`^  ${c}: `, 'm').test(mockIndex);
  // The scaffold gives a console a family of its own named by its id: a family's name would join that family instead.
  const families = fs.readFileSync(path.join(root, 'utils/vendors/content-scripts.ts'), 'utf8');
  if (new RegExp(`^  (?!'?${id}'?:)[\\w'-]+: '${id}',$`, 'm').test(families)) {
    throw new Error(
      `"${id}" names a content-script family (utils/vendors/content-scripts.ts): a console by that id would join it. Pick another id.`,
    );
  }
  if (fs.existsSync(vendorDir) || fs.existsSync(mockDir) || taken) {
    throw new Error(`"${id}" is already a console or credential type id (or its folder or mock name exists).`);
  }

  const P = pascal(id);
  const prefix = id.replace(/-/g, '');
  const consoleHost = `console.${id}.example`;
  const apiHost = `api.${id}.example`;
  const key = /^[a-z][a-zA-Z0-9]*$/.test(id) ? id : `'${id}'`;

  const vendorFiles: Record<string, string> = {
    'formats.ts': `// ${name}'s value formats, shared by the console (content script), the description (pages) and
// the credential type (background). No imports: the content script bundles this file.
// Placeholders: replace them with the formats the vendor documents.

export const CONSOLE_HOST = '${consoleHost}';
export const API_ORIGIN = 'https://${apiHost}';
/** Client IDs: 16 letters and digits. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9]{16}$/;
/** Secrets carry the vendor's prefix, so a pasted secret names its console. */
export const SECRET_PATTERN = /^${prefix}_[A-Za-z0-9]{32}$/;
`,
    'permissions.md': `# ${name}: host permissions

Why Keyhold asks for each of this console's hosts (the manifest audit reads this file with
[docs/permissions.md](../../../docs/permissions.md)). Placeholders: replace them with the real hosts.

| host | why |
|---|---|
| \`https://${consoleHost}/*\` | The ${name} console: the in-page script recognises a newly shown secret and shows **Save to Keyhold** beside it. |
| \`https://${apiHost}/*\` | The ${name} API: the background's token and read calls when the admin tests a credential. |
`,
    'detect.ts': `// ${name} by URL: the fixed console host. The background bundles this; console.ts adds the
// DOM recognisers for the content script.
import type { ConsoleDetector, ConsoleMatch } from '../types';
import { consoleFacts } from '../vendor-ids';
import { CONSOLE_HOST } from './formats';

export function detect(url: URL): ConsoleMatch | null {
  if (url.protocol !== 'https:' || url.port || url.hostname.toLowerCase() !== CONSOLE_HOST) return null;
  return { consoleId: '${id}', tenant: CONSOLE_HOST };
}

export const ${c}Detector: ConsoleDetector = { id: '${id}', name: consoleFacts['${id}'].name, detect };
`,
    'console.ts': `// ${name} in the page (content script): DOM only, no zod, no fetch, no jose.
import type { Recognition, VendorConsole } from '../types';
import { ${c}Detector } from './detect';
import { CLIENT_ID_PATTERN, SECRET_PATTERN } from './formats';

export const CREATE_CLIENT_PATH = '/settings/api-clients/new';

const text = (element: Element | null) => (element instanceof HTMLInputElement ? element.value : element?.textContent ?? '').trim();

export const ${c}Console: VendorConsole = {
  ...${c}Detector,

  currentStep(url) {
    return url.pathname.startsWith('/settings/api-clients') ? 'create-client' : null;
  },

  /** A secret in its own element, with the client ID the page shows beside it. */
  recognise(_url, doc) {
    const found: Recognition[] = [];
    for (const element of doc.querySelectorAll('code, input[readonly]')) {
      const secret = text(element);
      if (!SECRET_PATTERN.test(secret)) continue;
      const clientId = [...doc.querySelectorAll('code, input[readonly]')].map(text).find((value) => CLIENT_ID_PATTERN.test(value));
      found.push({ type: '${id}', anchor: element, values: { clientSecret: secret, ...(clientId ? { clientId } : {}) } });
    }
    return found;
  },
};
`,
    'templates.ts': `// The privilege templates ${name}'s guide offers (plain data: pages and the background import it).
import type { GuideTemplate } from '../types';

export const ${c}Templates: GuideTemplate[] = [
  {
    id: 'read-only',
    name: 'Read only',
    description: 'Reads the inventory; changes nothing.',
    privileges: ['Read devices'],
  },
];
`,
    'description.ts': `// What pages know of the ${name} API client: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import type { CredentialDescription } from '../types';
import { SECRET_PATTERN } from './formats';
import { ${c}Templates } from './templates';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const ${c}Rotation = {
  startPath: '/settings/api-clients',
  steps: [
    'In ${name}, open Settings → API clients and open this client.',
    'Create a new secret, then click "Save to Keyhold" beside it: Keyhold updates this credential and tests it.',
  ],
};

export const ${c}Description = {
  id: '${id}',
  consoleId: '${id}',
  name: '${name} API client',
  fields: [
    { name: 'clientId', label: 'Client ID', secret: false, input: 'text', placeholder: '16 letters and digits' },
    { name: 'clientSecret', label: 'Client secret', secret: true, input: 'text', placeholder: '${prefix}_…' },
  ],
  recognisesPasted: (text) => SECRET_PATTERN.test(text.trim()),
  templates: ${c}Templates,
  offers: { curl: true },
} satisfies CredentialDescription;

export const ${c}Descriptions: CredentialDescription[] = [{ ...${c}Description, rotation: ${c}Rotation }];
`,
    'credential.ts': `// The ${name} API client credential: the values schema and the real test (background only).
import { z } from '../../zod';
import { classifyFailure, requireJson } from '../../http/http-client';
import { KeyholdError } from '../../errors';
import { shellQuote } from '../shell-quote';
import { recordTest } from '../test-recorder';
import type { CredentialType } from '../types';
import { ${c}Description } from './description';
import { API_ORIGIN, CLIENT_ID_PATTERN, SECRET_PATTERN } from './formats';

export const ${c}Values = z.strictObject({
  clientId: z.string({ error: 'Enter the client ID.' }).check(z.trim(), z.regex(CLIENT_ID_PATTERN, 'The client ID is 16 letters and digits.')),
  clientSecret: z
    .string({ error: 'Enter the client secret.' })
    .check(z.trim(), z.regex(SECRET_PATTERN, 'The client secret starts with "${prefix}_" followed by 32 letters and digits.')),
});
export type ${P}Values = z.infer<typeof ${c}Values>;

const TOKEN_URL = \`\${API_ORIGIN}/oauth/token\`;

export const ${c}Credential: CredentialType<${P}Values> = {
  ...${c}Description,
  values: ${c}Values,
  secretFields: ['clientSecret'],
  defaultLabel: (values) => \`${name} · client \${values.clientId.slice(0, 8)}\`,
  identity: (values) => values.clientId,
  origins: () => [API_ORIGIN],
  test: (values, ctx) =>
    recordTest(async (recorder) => {
      const token = await recorder.step('Get a token', () =>
        ctx.http(TOKEN_URL, { method: 'POST', form: { grant_type: 'client_credentials', client_id: values.clientId, client_secret: values.clientSecret } }),
      );
      if (token.status !== 200) throw classifyFailure(token, 'the token request');
      const { access_token: accessToken, expires_in: expiresIn } = requireJson(token, 'the token request') as { access_token?: unknown; expires_in?: unknown };
      if (typeof accessToken !== 'string') throw new KeyholdError('UNEXPECTED_RESPONSE', '${apiHost} answered the token request without a token.');
      if (typeof expiresIn === 'number') recorder.tokenExpiresIn = expiresIn;
      const devices = await recorder.step('List devices', () => ctx.http(\`\${API_ORIGIN}/v1/devices?limit=1\`, { headers: { Authorization: \`Bearer \${accessToken}\` } }));
      recorder.permission('Read devices', devices.status === 200);
      if (devices.status === 403) return recorder.pass('The API client works, but it may not read devices.');
      if (devices.status !== 200) throw classifyFailure(devices, 'the device list');
      requireJson(devices, 'the device list');
      return recorder.pass('The API client works: it got a token and listed devices.');
    }),
  curl: (values) =>
    [
      \`curl -sS -X POST \${shellQuote(TOKEN_URL)} \\\\\`,
      \`  --data-urlencode grant_type=client_credentials \\\\\`,
      \`  --data-urlencode \${shellQuote(\`client_id=\${values.clientId}\`)} \\\\\`,
      \`  --data-urlencode \${shellQuote(\`client_secret=\${values.clientSecret}\`)}\`,
    ].join('\\n'),
};
`,
    'guide.ts': `// ${name}'s guide (side panel only; the background never bundles guide text).
import type { Guide } from '../types';
import { CREATE_CLIENT_PATH } from './console';
import { ${c}Templates } from './templates';

// Built per call, so guide text written with t() reads the admin's language when shown.
export const ${c}Guides = (): Guide[] => [
  {
    id: '${id}-api-client',
    name: '${name} API client',
    credentialType: '${id}',
    recommended: true,
    summary: 'An API client with a secret, for integrations that read ${name}.',
    startPath: CREATE_CLIENT_PATH,
    templates: ${c}Templates,
    steps: [
      { id: 'create-client', title: 'Create the API client', body: ['Open Settings → API clients and click New.', 'Give it the permissions of the template you chose.'], capture: true },
    ],
  },
];
`,
    'index.ts': `// ${name}: the detector and the API client credential (its guide: descriptions.ts).
import type { VendorModule } from '../types';
import { ${c}Credential } from './credential';
import { ${c}Detector } from './detect';

export const ${c}: VendorModule = { console: ${c}Detector, credentialTypes: [${c}Credential] };
`,
    [`${id}.test.ts`]: `// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ${c}Console } from './console';
import { ${c}Credential } from './credential';
import { ${c}Description } from './description';

const secret = '${prefix}_' + 'a1B2'.repeat(8);
const clientId = 'ABCDEFGH12345678';

describe('${name} console', () => {
  it('detects its console host only', () => {
    expect(${c}Console.detect(new URL('https://${consoleHost}/settings/api-clients/new'))).toEqual({ consoleId: '${id}', tenant: '${consoleHost}' });
    expect(${c}Console.detect(new URL('https://evil.example/${consoleHost}'))).toBeNull();
    expect(${c}Console.detect(new URL('http://${consoleHost}/'))).toBeNull();
  });

  it('recognises a shown secret with its client ID, and nothing on a page without one', () => {
    document.body.innerHTML = \`<code>\${clientId}</code><code id="secret">\${secret}</code>\`;
    const [found, ...rest] = ${c}Console.recognise(new URL('https://${consoleHost}/'), document);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ type: '${id}', values: { clientId, clientSecret: secret } });
    expect(found.anchor.id).toBe('secret');
    document.body.innerHTML = \`<code>\${clientId}</code><code>not-a-secret</code>\`;
    expect(${c}Console.recognise(new URL('https://${consoleHost}/'), document)).toEqual([]);
  });
});

describe('${name} credential', () => {
  it('accepts well-formed values and refuses others in plain words', () => {
    expect(${c}Credential.values.safeParse({ clientId, clientSecret: secret }).success).toBe(true);
    const bad = ${c}Credential.values.safeParse({ clientId: 'short', clientSecret: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.message)).toContain('The client ID is 16 letters and digits.');
  });

  it('names its vendor from a pasted secret', () => {
    expect(${c}Description.recognisesPasted?.(secret)).toBe(true);
    expect(${c}Description.recognisesPasted?.(clientId)).toBe(false);
  });
});
`,
    [`${id}.integration.test.ts`]: `// The real test() against the strict mock over HTTPS on the vendor's hostnames.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import type { TestContext } from '../types';
import { ${c}Credential } from './credential';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
let ctx: TestContext;
beforeAll(async () => {
  env = await startMocksWithClient();
  ctx = { http: env.http, now: () => Date.now() };
});
afterAll(() => env.close());
beforeEach(() => env.${c}.reset());

describe('${name} test()', () => {
  it('passes with a client the mock knows: a token, then a read', async () => {
    const client = env.${c}.addClient();
    const report = await ${c}Credential.test(client, ctx);
    expect(report).toMatchObject({ ok: true, permissions: [{ name: 'Read devices', granted: true }] });
    expect(report.steps.map((step) => \`\${step.name} \${step.status}\`)).toEqual(['Get a token 200', 'List devices 200']);
  });

  it('fails in plain words on a wrong secret, without quoting it', async () => {
    const client = env.${c}.addClient();
    const wrong = { ...client, clientSecret: '${prefix}_' + 'z'.repeat(32) };
    const report = await ${c}Credential.test(wrong, ctx);
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(report.message).not.toContain(wrong.clientSecret);
  });
});
`,
  };

  const mockFiles: Record<string, string> = {
    'index.ts': `// Strict mock of ${name}: the token endpoint, one read and a fixture console page. Placeholder
// behaviour: make it answer like the vendor documents (methods, content types, error bodies).
import { randomBytes } from 'node:crypto';
import type { MockRequest, MockResponse, VendorMock } from '../server';
import { header, html, isForm, json } from '../server';

const CONSOLE_HOST = '${consoleHost}';
const API_HOST = '${apiHost}';
const alphanumeric = (length: number) => randomBytes(length * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, length);

export function create${P}Mock() {
  const clients = new Map<string, string>();
  const tokens = new Set<string>();
  let shown: { clientId: string; clientSecret: string } | undefined;

  function token(request: MockRequest): MockResponse {
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' });
    if (!isForm(request) || request.form?.get('grant_type') !== 'client_credentials') return json(400, { error: 'invalid_request' });
    const clientId = request.form?.get('client_id') ?? '';
    if (clients.get(clientId) !== request.form?.get('client_secret')) return json(401, { error: 'invalid_client' });
    const accessToken = alphanumeric(40);
    tokens.add(accessToken);
    return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
  }

  function devices(request: MockRequest): MockResponse {
    if (request.method !== 'GET') return json(405, { error: 'method_not_allowed' });
    const auth = header(request, 'authorization') ?? '';
    if (!tokens.has(auth.replace(/^Bearer /, ''))) return json(401, { error: 'invalid_token' });
    return json(200, { devices: [{ id: 'device-1', name: 'Mac 1' }], total: 1 });
  }

  /** A client the API accepts. */
  function addClient() {
    const client = { clientId: alphanumeric(16), clientSecret: \`${prefix}_\${alphanumeric(32)}\` };
    clients.set(client.clientId, client.clientSecret);
    return client;
  }

  return {
    name: '${name}',
    hostPatterns: [CONSOLE_HOST, API_HOST],
    handle(request: MockRequest): MockResponse | undefined {
      if (request.host === API_HOST) {
        if (request.path === '/oauth/token') return token(request);
        if (request.path === '/v1/devices') return devices(request);
        return json(404, { error: 'not_found' });
      }
      if (request.host !== CONSOLE_HOST) return undefined;
      if (request.path === '/settings/api-clients/new') {
        shown ??= addClient();
        return html(\`<!doctype html><title>New API client</title><h1>API client created</h1><p>Client ID <code>\${shown.clientId}</code></p><p>Secret <code>\${shown.clientSecret}</code></p>\`);
      }
      return html('<!doctype html><title>${name}</title><h1>${name}</h1>');
    },
    reset() {
      clients.clear();
      tokens.clear();
      shown = undefined;
    },
    addClient,
  } satisfies VendorMock & Record<string, unknown>;
}
`,
  };

  const created: string[] = [];
  fs.mkdirSync(vendorDir, { recursive: true });
  fs.mkdirSync(mockDir, { recursive: true });
  for (const [file, text] of Object.entries(vendorFiles)) {
    fs.writeFileSync(path.join(vendorDir, file), text);
    created.push(`utils/vendors/${id}/${file}`);
  }
  for (const [file, text] of Object.entries(mockFiles)) {
    fs.writeFileSync(path.join(mockDir, file), text);
    created.push(`tests/mock-vendors/${id}/${file}`);
  }

  const edits: [string, (source: string, file: string) => string][] = [
    [
      'utils/vendors/vendor-ids.ts',
      (source, file) => {
        const facts = addBeforeMarker(
          source,
          '  // new-vendor: facts above this line',
          `  ${key}: { name: '${name}', credentialTypes: ['${id}'], selfHostable: false },`,
          file,
        );
        return addBeforeMarker(
          facts,
          '  // new-vendor: hosts above this line',
          `  ${key}: { console: ['https://${consoleHost}/*'], api: ['https://${apiHost}/*'], exclude: [] },`,
          file,
        );
      },
    ],
    [
      'utils/vendors/registry.ts',
      (source, file) =>
        addToRecord(
          addImport(source, `import { ${c} } from './${id}';`, file),
          /const vendors: Record<ConsoleId, VendorModule> = \{/,
          `  ${key}: ${c},`,
          file,
        ),
    ],
    [
      'utils/vendors/console-registry.ts',
      (source, file) =>
        addToRecord(
          addImport(source, `import { ${c}Console } from './${id}/console';`, file),
          /const consoles: Record<ConsoleId, VendorConsole> = \{/,
          `  ${key}: ${c}Console,`,
          file,
        ),
    ],
    [
      'utils/vendors/content-scripts.ts',
      (source, file) => addBeforeMarker(source, '  // new-vendor: content scripts above this line', `  ${key}: '${id}',`, file),
    ],
    [
      'utils/vendors/detector-registry.ts',
      (source, file) =>
        addToRecord(
          addImport(source, `import { ${c}Detector } from './${id}/detect';`, file),
          /const detectors: Record<ConsoleId, ConsoleDetector> = \{/,
          `  ${key}: ${c}Detector,`,
          file,
        ),
    ],
    [
      'utils/vendors/descriptions.ts',
      (source, file) =>
        addToRecord(
          addImport(
            addImport(source, `import { ${c}Descriptions } from './${id}/description';`, file),
            `import { ${c}Guides } from './${id}/guide';`,
            file,
          ),
          /const consoles: Record<ConsoleId, ConsoleDescription> = \{/,
          `  ${key}: { credentialTypes: ${c}Descriptions, guides: ${c}Guides },`,
          file,
        ),
    ],
    [
      'tests/mock-vendors/index.ts',
      (source, file) =>
        addToRecord(
          addImport(source, `import { create${P}Mock } from './${id}';`, file),
          /export const vendorMockFactories = \{/,
          `  ${c}: create${P}Mock,`,
          file,
        ),
    ],
  ];
  const changed: string[] = [];
  for (const [file, edit] of edits) {
    const full = path.join(root, file);
    fs.writeFileSync(full, edit(fs.readFileSync(full, 'utf8'), file));
    changed.push(file);
  }
  return { created, changed };
}

function main(argv: string[]) {
  const args = [...argv];
  const option = (flag: string) => {
    const at = args.indexOf(flag);
    if (at < 0) return undefined;
    const [, value] = args.splice(at, 2);
    return value;
  };
  const name = option('--name');
  const root = path.resolve(option('--root') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const [id] = args;
  if (!id) {
    console.error('Usage: npm run new-vendor -- <id> [--name "Display Name"]');
    process.exit(2);
  }
  try {
    const { created, changed } = scaffoldVendor(root, id, name);
    console.log(`Created ${created.length} files:\n  ${created.join('\n  ')}\nAdded one entry to:\n  ${changed.join('\n  ')}`);
    console.log(
      '\nNext: npm run typecheck && npm run test:unit, then replace the placeholders (hosts under .example, formats, API calls, guide text).',
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
