// Jamf Protect, Jamf School and the Jamf Platform API against what the vendors document (issue #18).
// Keyhold's real tests run against the strict mocks; every request they make is checked against
// the documented facts (tests/contracts/fixtures/jamf-family-documented.json, each with its source)
// and against Jamf's own OpenAPI documents for the gateway (an excerpt in
// tests/contracts/specs/jamf-platform/), and the mocks' answers are checked against the documented
// shapes. Facts that only Jamf-authored code or Keyhold's own reading support are checked too, but
// are labelled so in the fixture and in docs/jamf-family.md.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocksWithClient } from '../../helpers/mock-fetch';
import type { MockRequest } from '../../mock-vendors/server';
import { ENVIRONMENTS, TENANTS } from '../../mock-vendors/jamf-platform';
import { NETWORK_ID, SCHOOL_URL } from '../../mock-vendors/jamf-school';
import { PROTECT_URL } from '../../mock-vendors/jamf-protect';
import { jamfPlatformCredential as platform, readAnswer } from '../../../utils/vendors/jamf-platform/integration';
import { jamfPlatformDescription } from '../../../utils/vendors/jamf-platform/description';
import { jamfProtectCredential as protect } from '../../../utils/vendors/jamf-protect/api-client';
import { jamfProtectDescription } from '../../../utils/vendors/jamf-protect/description';
import { jamfSchoolCredential as school, normaliseSchoolUrl } from '../../../utils/vendors/jamf-school/api-key';
import type { HttpResponse } from '../../../utils/http/http-client';

const here = dirname(fileURLToPath(import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(resolve(here, path), 'utf8'));

interface Fact {
  id: string;
  product: 'jamf-protect' | 'jamf-school' | 'jamf-platform';
  confidence: 'vendor doc' | 'vendor spec' | 'standard' | 'Jamf-authored code' | 'third-party code' | 'inferred';
  fact: string;
  sources: string[];
  value: any;
}
const documented = readJson('../fixtures/jamf-family-documented.json') as { facts: Fact[] };
const spec = readJson('../specs/jamf-platform/jamf-platform-openapi-excerpt.json');
/** A documented fact by id (the test fails on an id the fixture does not hold). */
function fact(id: string): Fact {
  const found = documented.facts.find((entry) => entry.id === id);
  if (!found) throw new Error(`no documented fact ${id}`);
  return found;
}

// ---- Jamf's OpenAPI excerpt as JSON Schema ----

const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true });
addFormats(ajv);
const asDefinitions = (id: string, document: { schemas: object }) =>
  JSON.parse(JSON.stringify({ $id: id, definitions: document.schemas }).replaceAll('"#/schemas/', `"${id}#/definitions/`));
ajv.addSchema(asDefinitions('devices', spec.deviceInventory));
ajv.addSchema(asDefinitions('licensing', spec.accountLicensing));
const schema = (id: string, name: string) => ajv.getSchema(`${id}#/definitions/${name}`)!;
function expectValid(validate: ValidateFunction, body: unknown) {
  const valid = validate(body);
  expect(valid ? [] : validate.errors).toEqual([]);
}

// GraphQL's response format (spec.graphql.org, October 2021, "Response Format" and "Errors"): only
// data, errors and extensions; an error has a message and may have locations and a path.
const graphqlResponse = ajv.compile({
  type: 'object',
  properties: {
    data: { type: ['object', 'null'] },
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          message: { type: 'string' },
          path: { type: 'array', items: { type: ['string', 'integer'] } },
          locations: {
            type: 'array',
            items: { type: 'object', required: ['line', 'column'], properties: { line: { type: 'integer' }, column: { type: 'integer' } } },
          },
        },
      },
    },
    extensions: { type: 'object' },
  },
  additionalProperties: false,
  anyOf: [
    { required: ['data'], properties: { data: true } },
    { required: ['errors'], properties: { errors: true } },
  ],
});

// ---- One mock server for the file ----

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
beforeAll(async () => {
  env = await startMocksWithClient();
});
afterAll(() => env.close());
beforeEach(() => {
  env.jamfPlatform.reset();
  env.jamfProtect.reset();
  env.jamfSchool.reset();
  env.server.requests.length = 0;
});

const headerOf = (request: MockRequest, name: string) => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
};
const fakeResponse = (status: number, json: unknown): HttpResponse => ({
  url: 'https://us.api.jamfcloud.com/licensing/v1/licenses',
  status,
  headers: new Headers({ 'content-type': 'application/json' }),
  text: JSON.stringify(json),
  ms: 1,
  json,
  isHtml: false,
});

describe('the documented facts', () => {
  const allowed = ['vendor doc', 'vendor spec', 'standard', 'Jamf-authored code', 'third-party code', 'inferred'];

  it('each fact has its words, a known confidence and a source (a vendor one where it claims one)', () => {
    const ids = documented.facts.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of documented.facts) {
      expect(allowed).toContain(entry.confidence);
      expect(entry.fact.length).toBeGreaterThan(20);
      if (entry.confidence === 'inferred') expect(entry.sources).toEqual([]);
      else expect(entry.sources.length).toBeGreaterThan(0);
      if (entry.confidence === 'vendor doc')
        expect(entry.sources.some((source) => /^https:\/\/(developer|learn|docs)\.jamf\.com\//.test(source))).toBe(true);
      if (entry.confidence === 'vendor spec')
        expect(
          entry.sources.some((source) =>
            /jamfplatform-go-sdk\/blob\/[0-9a-f]{40}\/api\/|developer\.jamf\.com\/jamf-pro\/reference\//.test(source),
          ),
        ).toBe(true);
    }
  });

  it('docs/jamf-family.md names every fact and says which are confirmed from a vendor source', () => {
    const doc = readFileSync(resolve(here, '../../../docs/jamf-family.md'), 'utf8');
    for (const entry of documented.facts) expect(doc, entry.id).toContain(`\`${entry.id}\``);
  });

  it('the spec excerpt and the facts agree on the gateway regions and the token URL', () => {
    expect(spec.deviceInventory.servers[0].variables.region.enum).toEqual(fact('platform.regions').value);
    for (const document of [spec.deviceInventory, spec.accountLicensing]) {
      const scheme = Object.values(document.securitySchemes)[0] as { flows: { clientCredentials: { tokenUrl: string } } };
      expect(scheme.flows.clientCredentials.tokenUrl).toBe(`https://{region}.api.jamfcloud.com${fact('platform.token-call').value.path}`);
    }
  });
});

describe('Jamf Platform API: Keyhold’s requests', () => {
  const gateway = () => env.server.requests.filter((request) => request.host.endsWith('.api.jamfcloud.com'));
  const scopeHeaders = (request: MockRequest) =>
    (fact('platform.scope-header').value.headers as string[]).filter((name) => headerOf(request, name) !== undefined);

  it.each([
    ['environment', 'eu', ['devices:read'], { environmentId: ENVIRONMENTS.eu }],
    ['tenant', 'us', ['buildings:read'], { tenantId: TENANTS.us }],
    ['organization', 'us', ['licensing:read'], {}],
  ] as const)('%s scope (%s): the token call and one read, as documented', async (level, region, capabilities, scope) => {
    const integration = env.jamfPlatform.addIntegration({ region, level, capabilities: [...capabilities] });
    const report = await platform.test(
      platform.values.parse({ region, clientId: integration.clientId, clientSecret: integration.clientSecret, ...scope }),
      { http: env.http, now: Date.now },
    );
    expect(report.ok).toBe(true);
    const [token, read, ...more] = gateway();
    expect(more).toEqual([]);

    // The token call: the documented host of the region, POST /auth/token, the client credentials grant as a form.
    const tokenCall = fact('platform.token-call').value;
    expect(fact('platform.regions').value).toContain(region);
    expect(token.host).toBe(`${region}.api.jamfcloud.com`);
    expect([token.method, token.path]).toEqual([tokenCall.method, tokenCall.path]);
    expect(headerOf(token, 'content-type')).toMatch(/^application\/x-www-form-urlencoded\b/);
    expect([...token.form!.keys()].sort()).toEqual([...tokenCall.form].sort());
    expect(token.form!.get('grant_type')).toBe(tokenCall.grant_type);
    expect(scopeHeaders(token)).toEqual([]); // platform.no-scope-on-token (Jamf-authored)

    // The read: same host (tokens are region-locked), a bearer token, exactly one scope header or none.
    expect(read.host).toBe(token.host);
    expect(headerOf(read, 'authorization')).toMatch(new RegExp(`^${fact('platform.bearer').value} \\S+$`));
    const sent = scopeHeaders(read);
    if (level === 'organization') {
      expect(sent).toEqual([]);
      expect(read.path).toBe(fact('platform.licenses-read').value.path);
      expect(spec.accountLicensing.servers[0].variables.region.enum).toContain(region);
      expect(spec.accountLicensing.paths['/v1/licenses'].get.parameters).toEqual([]);
    } else {
      expect(sent).toEqual([level === 'environment' ? 'X-Environment-Id' : 'X-Tenant-Id']);
      expect(headerOf(read, sent[0])).toMatch(new RegExp(fact('platform.scope-header').value.pattern));
    }
    if (level === 'environment') {
      const devices = fact('platform.devices-read').value;
      const { parameters } = spec.deviceInventory;
      expect(read.path).toBe(new URL(spec.deviceInventory.servers[0].url.replace('{region}', region)).pathname + '/v1/devices');
      expect(read.path).toBe(devices.path);
      expect(parameters['X-Environment-Id']).toMatchObject({ in: 'header', required: true });
      expect(headerOf(read, 'x-environment-id')).toMatch(new RegExp(parameters['X-Environment-Id'].schema.pattern));
      const page = Number(read.query.get(parameters.PageIndex.name));
      const size = Number(read.query.get(parameters.PageSize.name));
      expect(page).toBeGreaterThanOrEqual(parameters.PageIndex.schema.minimum);
      expect(size).toBeGreaterThanOrEqual(parameters.PageSize.schema.minimum);
      expect(size).toBeLessThanOrEqual(devices.maxPageSize);
      expect(spec.deviceInventory.paths['/v1/devices'].get['x-required-privileges']).toEqual([devices.capability]);
      expect(report.permissions).toEqual([{ name: devices.capability, granted: true }]);
    }
    if (level === 'tenant') expect(read.path).toBe(fact('platform.tenant-read').value.path);
    for (const row of report.permissions ?? []) expect(row.name).toMatch(new RegExp(fact('platform.capability-names').value));
  });
});

describe('Jamf Platform API: the mock answers as documented', () => {
  const base = 'https://eu.api.jamfcloud.com';
  async function tokenFor(capabilities: string[]) {
    const integration = env.jamfPlatform.addIntegration({ region: 'eu', level: 'environment', capabilities });
    const form = { grant_type: 'client_credentials', client_id: integration.clientId, client_secret: integration.clientSecret };
    return env.http(`${base}/auth/token`, { method: 'POST', form });
  }

  it('the token answer: a bearer token for the documented 900 seconds', async () => {
    const answer = await tokenFor(['devices:read']);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: fact('platform.token-lifetime').value,
    });
  });

  it('GET /devices/v1/devices answers the documented page envelope', async () => {
    const token = (await tokenFor(['devices:read'])).json as { access_token: string };
    const answer = await env.http(`${base}/devices/v1/devices?page=0&page-size=1`, {
      headers: { Authorization: `Bearer ${token.access_token}`, 'X-Environment-Id': ENVIRONMENTS.eu },
    });
    expect(answer.status).toBe(200);
    expectValid(schema('devices', 'PaginatedDeviceResponseRepresentation'), answer.json);
  });

  it.each([
    ['no scope header', {}, ['devices:read'], 400, 'REQUEST_CONTEXT_NOT_PROVIDED'],
    [
      'both scope headers',
      { 'X-Environment-Id': ENVIRONMENTS.eu, 'X-Tenant-Id': TENANTS.eu },
      ['devices:read'],
      400,
      'INVALID_REQUEST_CONTEXT_TYPE',
    ],
    [
      'an environment the integration is not scoped to',
      { 'X-Environment-Id': ENVIRONMENTS.us },
      ['devices:read'],
      403,
      'OWNERSHIP_FORBIDDEN',
    ],
    [
      'an unknown environment',
      { 'X-Environment-Id': '00000000-0000-4000-8000-000000000000' },
      ['devices:read'],
      404,
      'ENVIRONMENT_NOT_FOUND',
    ],
    ['a missing capability', { 'X-Environment-Id': ENVIRONMENTS.eu }, ['buildings:read'], 403, 'BAD_PERMISSIONS'],
  ] as const)('%s: the documented error envelope, with a known code', async (_name, headers, capabilities, status, code) => {
    const token = (await tokenFor([...capabilities])).json as { access_token: string };
    const answer = await env.http(`${base}/devices/v1/devices?page=0&page-size=1`, {
      headers: { Authorization: `Bearer ${token.access_token}`, ...headers },
    });
    expect(answer.status).toBe(status);
    expectValid(schema('devices', 'ApiErrorRepresentation'), answer.json);
    expectValid(schema('licensing', 'ApiError'), answer.json);
    const body = answer.json as { httpStatus: number; errors: { code: string }[] };
    expect(body.httpStatus).toBe(status);
    expect(fact('platform.error-codes').value).toContain(body.errors[0].code);
    expect(body.errors[0].code).toBe(code);
  });

  it('licences: Keyhold reads the documented {totalCount, results} and the bare array seen on the wire alike', () => {
    const documentedBody = { totalCount: 0, results: [] };
    expectValid(schema('licensing', 'LicenseList'), documentedBody);
    expect(readAnswer(fakeResponse(200, documentedBody), 'us.api.jamfcloud.com', 'organization')).toBe(true);
    expect(readAnswer(fakeResponse(200, [{ product: 'Jamf Pro' }]), 'us.api.jamfcloud.com', 'organization')).toBe(true);
    // A documented 403 ApiError whose code is not a scope code is not mistaken for a granted read.
    const forbidden = {
      httpStatus: 403,
      traceId: null,
      errors: [{ code: 'FORBIDDEN', description: 'M2M token missing required scope', field: null }],
    };
    expectValid(schema('licensing', 'ApiError'), forbidden);
    expect(() => readAnswer(fakeResponse(403, forbidden), 'us.api.jamfcloud.com', 'organization')).toThrow();
  });

  it('the values Keyhold keeps: a region from the documented list, and scope IDs of the documented UUID form', () => {
    expect(jamfPlatformDescription.fields[0].options!.map((option) => option.value)).toEqual(fact('platform.regions').value);
    const parsed = platform.values.parse({
      region: 'eu',
      clientId: 'c',
      clientSecret: 'secret-1234',
      environmentId: ENVIRONMENTS.eu.toUpperCase(),
    });
    expect(parsed.environmentId).toMatch(new RegExp(fact('platform.scope-header').value.pattern));
  });
});

describe('Jamf Protect: Keyhold’s requests and the mock’s answers', () => {
  const calls = () => env.server.requests.filter((request) => request.host.endsWith('.protect.jamfcloud.com'));

  it('Keyhold keeps the three values Jamf Pro registers Protect with', () => {
    expect(jamfProtectDescription.fields.map((field) => field.name)).toEqual(fact('protect.values').value);
  });

  it('the token call and the GraphQL read go to the documented tenant host and /graphql', async () => {
    const client = env.jamfProtect.addClient(undefined, { permissions: ['Computers'] });
    const report = await protect.test(
      protect.values.parse({ protectUrl: `${PROTECT_URL}/graphql`, clientId: client.clientId, password: client.password }),
      { http: env.http, now: Date.now },
    );
    expect(report.ok).toBe(true);
    const [token, read, ...more] = calls();
    expect(more).toEqual([]);
    const host = new RegExp(fact('protect.host').value.host);
    expect(token.host).toMatch(host);
    expect(read.host).toBe(token.host);
    // The token call (Jamf-authored code): JSON {client_id, password}, no grant_type.
    const tokenCall = fact('protect.token-call').value;
    expect([token.method, token.path]).toEqual([tokenCall.method, tokenCall.path]);
    expect(headerOf(token, 'content-type')).toMatch(/^application\/json\b/);
    expect(Object.keys(JSON.parse(token.body)).sort()).toEqual([...tokenCall.body].sort());
    // The read (vendor doc: the tenant URL followed by /graphql), with the raw token.
    expect([read.method, read.path]).toEqual(['POST', fact('protect.host').value.graphql]);
    expect(headerOf(read, 'authorization')).not.toMatch(/^Bearer /i);
    expect(JSON.parse(read.body)).toEqual({ query: expect.stringMatching(/^query /) });
  });

  it('every GraphQL answer of the mock has GraphQL’s response format (granted, refused, unknown field)', async () => {
    const client = env.jamfProtect.addClient(undefined, { permissions: ['Computers'] });
    const token = await env.http(`${PROTECT_URL}/token`, {
      method: 'POST',
      json: { client_id: client.clientId, password: client.password },
    });
    const access = (token.json as { access_token: string }).access_token;
    const ask = (query: string) =>
      env.http(`${PROTECT_URL}/graphql`, { method: 'POST', headers: { Authorization: access }, json: { query } });
    const granted = await ask('query { computers: listComputers(input: {pageSize: 1}) { items { uuid } } }');
    const refused = await ask('query { alerts: listAlerts(input: {pageSize: 1}) { items { uuid } } }');
    const unknown = await ask('query { nope: listNothing(input: {pageSize: 1}) { items { uuid } } }');
    for (const answer of [granted, refused, unknown]) {
      expect(answer.status).toBe(200);
      expectValid(graphqlResponse, answer.json);
    }
    expect(granted.json).not.toHaveProperty('errors');
    expect((refused.json as { errors: { path: string[] }[] }).errors[0].path).toEqual(['alerts']);
    expect(unknown.json).toMatchObject({ data: null });
  });
});

describe('Jamf School: Keyhold’s requests and the mock’s answers', () => {
  it('Basic networkId:apiKey on the documented /api of the school’s own host, with the protocol header', async () => {
    const key = env.jamfSchool.addKey({ read: ['devices', 'locations'] });
    const report = await school.test(
      school.values.parse({ baseUrl: `${SCHOOL_URL}/api/docs`, networkId: NETWORK_ID, apiKey: key.apiKey }),
      {
        http: env.http,
        template: 'inventory',
        now: Date.now,
      },
    );
    expect(report.ok).toBe(true);
    const requests = env.server.requests.filter((request) => request.host === new URL(SCHOOL_URL).host);
    expect(requests.length).toBeGreaterThan(0);
    const { host, api } = fact('school.host').value;
    const protocol = fact('school.protocol-header').value;
    for (const request of requests) {
      expect(request.host).toMatch(new RegExp(host));
      expect(request.method).toBe('GET');
      expect(request.path.startsWith(`${api}/`)).toBe(true);
      expect(headerOf(request, 'authorization')).toBe(
        `${fact('school.basic').value} ${Buffer.from(`${NETWORK_ID}:${key.apiKey}`).toString('base64')}`,
      );
      expect(headerOf(request, protocol.header)).toBe(protocol.value);
    }
    expect(requests[0].path).toBe(fact('school.devices-read').value.path);
    expect(normaliseSchoolUrl(`${SCHOOL_URL}${fact('school.host').value.docs}`)).toBe(SCHOOL_URL);
  });

  it('the mock answers the devices read, a wrong key and a missing right as the sources say', async () => {
    const key = env.jamfSchool.addKey({ read: ['devices'] });
    const headers = (apiKey: string) => ({
      Authorization: `Basic ${Buffer.from(`${NETWORK_ID}:${apiKey}`).toString('base64')}`,
      [fact('school.protocol-header').value.header]: fact('school.protocol-header').value.value,
    });
    const devices = await env.http(`${SCHOOL_URL}/api/devices?serialnumber=KEYHOLD-PROBE`, { headers: headers(key.apiKey) });
    expect(Object.keys(devices.json as object).sort()).toEqual([...fact('school.devices-read').value.keys].sort());
    const codes = fact('school.status-codes').value;
    expect((await env.http(`${SCHOOL_URL}/api/devices`, { headers: headers('WRONGKEY0000000000000000') })).status).toBe(codes.wrongKey);
    expect((await env.http(`${SCHOOL_URL}/api/locations`, { headers: headers(key.apiKey) })).status).toBe(codes.missingRight);
  });
});
