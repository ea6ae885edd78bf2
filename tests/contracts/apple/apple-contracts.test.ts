// The Apple mock's bodies against Apple's published shapes (micromdm's JSON Schema 2020-12 copy
// of Apple's documentation, tests/contracts/specs/apple/abm). Each body is validated twice: as
// published, and with undocumented properties refused, so a typo in the mock cannot hide.
import { readFileSync, readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocksWithClient } from '../../helpers/mock-fetch';
import { parseApplePrivateKey } from '../../../utils/vendors/apple/private-key';

const SPECS = new URL('../specs/apple/abm/', import.meta.url);
const BASE = 'https://keyhold.test/apple/abm/';
const VOCABULARY = ['x-apple-developer-api-uri', 'x-apple-developer-api-version', 'x-apple-developer-api-discussion'];

type Schema = Record<string, unknown>;

/** Every object schema that lists its properties refuses others (2020-12 unevaluatedProperties). */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Schema = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if (copy.properties && copy.additionalProperties === undefined) copy.unevaluatedProperties = false;
  return copy;
}

function validator(strict: boolean) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addVocabulary(VOCABULARY);
  for (const file of readdirSync(SPECS).filter((name) => name.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(new URL(file, SPECS), 'utf8')) as Schema;
    ajv.addSchema({ ...(strict ? (closed(schema) as Schema) : schema), $id: `${BASE}${file}` });
  }
  // Apple's OrgDevicesResponse (not in the ABM folder, see README): MdmServersResponse's shape with OrgDevice items.
  ajv.addSchema({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${BASE}OrgDevicesResponse.json`,
    type: 'object',
    required: ['data', 'links'],
    properties: {
      data: { type: 'array', items: { $ref: 'OrgDevice.json' } },
      links: { $ref: 'PagedDocumentLinks.json' },
      meta: { $ref: 'PagingInformation.json' },
    },
    ...(strict ? { unevaluatedProperties: false } : {}),
  });
  return ajv;
}

const published = validator(false);
const strict = validator(true);

function expectValid(schema: string, body: unknown) {
  for (const ajv of [published, strict]) {
    const validate = ajv.getSchema(`${BASE}${schema}`)!;
    const ok = validate(body);
    expect(ok, JSON.stringify(validate.errors)).toBe(true);
  }
}

// RFC 6749 §5.1 / §5.2 shapes: no Apple schema exists for the token endpoint (see SOURCES.md).
const ajv = new Ajv2020({ strict: true });
const tokenSuccess = ajv.compile({
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in'],
  properties: { access_token: { type: 'string', minLength: 1 }, token_type: { const: 'Bearer' }, expires_in: { type: 'integer', minimum: 1 }, scope: { enum: ['business.api', 'school.api'] } },
  additionalProperties: false,
});
const tokenError = ajv.compile({
  type: 'object',
  required: ['error'],
  properties: {
    error: { enum: ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'] },
    error_description: { type: 'string' },
    error_uri: { type: 'string' },
  },
  additionalProperties: false,
});

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
beforeAll(async () => {
  env = await startMocksWithClient();
});
afterAll(() => env.close());
beforeEach(() => env.apple.reset());

async function tokenFor(kind: 'business' | 'school', options: { permissions?: string[] } = {}) {
  const account = env.apple.addApiAccount({ kind, ...options });
  const now = Math.floor(Date.now() / 1000);
  const { key } = await parseApplePrivateKey(account.privateKeyPem);
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: 'ES256', kid: account.keyId, typ: 'JWT' })
    .setIssuer(account.clientId)
    .setSubject(account.clientId)
    .setAudience('https://account.apple.com/auth/oauth2/v2/token')
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(key);
  const response = await env.http('https://account.apple.com/auth/oauth2/token', {
    form: {
      grant_type: 'client_credentials',
      client_id: account.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: `${kind}.api`,
    },
  });
  return { response, accessToken: (response.json as { access_token: string }).access_token };
}

const get = (url: string, accessToken?: string) => env.http(url, accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {});

describe.each(['business', 'school'] as const)('api-%s.apple.com list bodies', (kind) => {
  const api = `https://api-${kind}.apple.com/v1`;

  it.each(['?limit=1', '', '?limit=1&fields[mdmServers]=serverName'])('GET /v1/mdmServers%s is an MdmServersResponse', async (query) => {
    const { accessToken } = await tokenFor(kind);
    const response = await get(`${api}/mdmServers${query}`, accessToken);
    expect(response.status).toBe(200);
    expectValid('MdmServersResponse.json', response.json);
  });

  it('GET /v1/orgDevices pages are OrgDevicesResponses, following the cursor', async () => {
    const { accessToken } = await tokenFor(kind);
    let url: string | undefined = `${api}/orgDevices?limit=1`;
    let pages = 0;
    while (url) {
      const response = await get(url, accessToken);
      expect(response.status).toBe(200);
      expectValid('OrgDevicesResponse.json', response.json);
      url = (response.json as { links: { next?: string } }).links.next;
      pages++;
    }
    expect(pages).toBe(3);
  });
});

describe('API error bodies are ErrorResponses with the HTTP status as a string', () => {
  const cases: [string, () => Promise<{ status: number; json: unknown }>, number][] = [
    ['401 without a token', () => get('https://api-business.apple.com/v1/mdmServers?limit=1'), 401],
    ['401 with an unknown token', () => get('https://api-school.apple.com/v1/orgDevices?limit=1', 'nope'), 401],
    ['403 without the permission', async () => get('https://api-business.apple.com/v1/orgDevices?limit=1', (await tokenFor('business', { permissions: [] })).accessToken), 403],
    ['400 for a bad limit', async () => get('https://api-business.apple.com/v1/orgDevices?limit=0', (await tokenFor('business')).accessToken), 400],
    ['400 for an unknown parameter', async () => get('https://api-business.apple.com/v1/mdmServers?sort=name', (await tokenFor('business')).accessToken), 400],
    ['404 for an unknown path', async () => get('https://api-business.apple.com/v1/blueprints', (await tokenFor('business')).accessToken), 404],
    ['405 for a POST', async () => env.http('https://api-business.apple.com/v1/mdmServers', { method: 'POST', headers: { Authorization: 'Bearer x' } }), 405],
    [
      '429 when rate-limited',
      async () => {
        env.apple.setRateLimit(30, 'api');
        return get('https://api-business.apple.com/v1/mdmServers?limit=1');
      },
      429,
    ],
    [
      '500 on a server fault',
      async () => {
        env.apple.setFailure(500, 'api');
        return get('https://api-business.apple.com/v1/mdmServers?limit=1');
      },
      500,
    ],
  ];
  it.each(cases)('%s', async (_, call, status) => {
    const response = await call();
    expect(response.status).toBe(status);
    expectValid('ErrorResponse.json', response.json);
    for (const error of (response.json as { errors: { status: string }[] }).errors) expect(error.status).toBe(String(status));
  });
});

describe('token endpoint bodies follow RFC 6749', () => {
  it.each(['business', 'school'] as const)('a %s token', async (kind) => {
    const { response } = await tokenFor(kind);
    expect(tokenSuccess(response.json), JSON.stringify(tokenSuccess.errors)).toBe(true);
  });

  it.each([
    ['invalid_request', { grant_type: 'client_credentials' }],
    ['unsupported_grant_type', { grant_type: 'password', client_id: 'x', client_assertion_type: 'x', client_assertion: 'x', scope: 'x' }],
    ['invalid_client', { grant_type: 'client_credentials', client_id: 'x', client_assertion_type: 'x', client_assertion: 'x', scope: 'business.api' }],
  ])('%s', async (error, form) => {
    const response = await env.http('https://account.apple.com/auth/oauth2/token', { form });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error });
    expect(tokenError(response.json)).toBe(true);
  });
});

describe('the schemas are live', () => {
  it('refuse what Apple would not send', () => {
    const valid = { errors: [{ status: '401', code: 'NOT_AUTHORIZED', title: 't', detail: 'd' }] };
    expectValid('ErrorResponse.json', valid);
    const numeric = published.getSchema(`${BASE}ErrorResponse.json`)!;
    expect(numeric({ errors: [{ ...valid.errors[0], status: 401 }] })).toBe(false);
    expect(numeric({ errors: [{ status: '401', code: 'X', title: 't' }] })).toBe(false);
    const servers = published.getSchema(`${BASE}MdmServersResponse.json`)!;
    expect(servers({ data: [] })).toBe(false);
    expect(servers({ data: [{ id: '1', type: 'mdmServers', attributes: { serverType: 'JAMF' } }], links: { self: 'x' } })).toBe(false);
    const undocumented = strict.getSchema(`${BASE}MdmServersResponse.json`)!;
    expect(undocumented({ data: [{ id: '1', type: 'mdmServers', attributes: { serverNmae: 'typo' } }], links: { self: 'x' } })).toBe(false);
  });
});
