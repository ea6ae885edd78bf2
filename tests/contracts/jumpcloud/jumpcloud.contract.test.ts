// The JumpCloud mock against JumpCloud's published API descriptions (V1 and V2 Swagger 2.0, as
// trimmed by extract.mjs). If the mock drifts from the documented shapes, Keyhold's client could
// pass against the mock and fail against JumpCloud. Known gaps (../shared/specs/SOURCES.md, C1):
// per-operation error responses and the x-org-id header were stripped by the SDK build, and no
// spec describes the service-account token endpoint.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createJumpcloudMock } from '../../mock-vendors/jumpcloud';
import type { MockRequest } from '../../mock-vendors/server';

const here = dirname(fileURLToPath(import.meta.url));
const specDir = resolve(here, '../specs/jumpcloud');
const load = (name: string) => JSON.parse(readFileSync(join(specDir, name), 'utf8'));
const v1 = load('jumpcloud-v1.extract.json');
const v2 = load('jumpcloud-v2.extract.json');

type Json = Record<string, unknown>;

/**
 * Swagger 2.0 schema → JSON Schema draft-07: `x-nullable: true` (JumpCloud's marker for fields
 * the API sends as null) becomes a null-allowing type. With `closed`, objects that list their
 * properties and say nothing of others reject undocumented ones, so the mock cannot invent fields.
 */
function toJsonSchema(node: unknown, closed: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, closed));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    // Keys under `properties` are field names, not keywords: keep them all.
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Json).map(([name, schema]) => [name, toJsonSchema(schema, closed)])) : toJsonSchema(value, closed);
  }
  if (out['x-nullable'] === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  if (closed && out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function validator(spec: Json, schema: unknown, closed = true): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addVocabulary(['x-nullable', 'x-examples', 'example']);
  ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && Math.abs(value) < 2 ** 31 });
  ajv.addFormat('date-time', { type: 'string', validate: (value: string) => !Number.isNaN(Date.parse(value)) });
  return ajv.compile({ definitions: toJsonSchema(spec.definitions, closed), ...(toJsonSchema(schema, closed) as Json) });
}

const operation = (spec: Json, path: string) => (spec.paths as Record<string, { get: { parameters: Json[]; responses: Record<string, { schema: unknown }> } }>)[path].get;

function call(mock: ReturnType<typeof createJumpcloudMock>, url: string, headers: Record<string, string> = {}, method = 'GET') {
  const target = new URL(url);
  const request: MockRequest = { method, host: target.hostname, port: '', path: target.pathname, query: target.searchParams, headers, body: '', receivedAt: Date.now() };
  const response = mock.handle(request) as { status: number; body: unknown };
  return { status: response.status, body: JSON.parse(JSON.stringify(response.body)) as unknown };
}

function expectValid(validate: ValidateFunction, body: unknown) {
  const valid = validate(body);
  expect(valid ? [] : validate.errors).toEqual([]);
}

describe('JumpCloud mock bodies match the published V1/V2 specs', () => {
  const mock = createJumpcloudMock();
  const single = mock.addApiKey();
  const multi = mock.addApiKey({ multiTenant: true, orgs: 3 });
  const auth = { 'x-api-key': single.key };

  it('GET /api/systemusers → systemuserslist, every user a systemuserreturn with only documented fields', () => {
    const { status, body } = call(mock, 'https://console.jumpcloud.com/api/systemusers?limit=10&skip=0', auth);
    expect(status).toBe(200);
    expect((body as { results: unknown[] }).results.length).toBeGreaterThan(0);
    expectValid(validator(v1, operation(v1, '/systemusers').responses['200'].schema), body);
  });

  it('GET /api/organizations → organizationslist (the multi-tenant picker reads _id and displayName)', () => {
    const { status, body } = call(mock, 'https://console.jumpcloud.com/api/organizations?limit=100&skip=0', { 'x-api-key': multi.key });
    expect(status).toBe(200);
    expect((body as { results: unknown[] }).results).toHaveLength(3);
    expectValid(validator(v1, operation(v1, '/organizations').responses['200'].schema), body);
  });

  it('GET /api/v2/systemgroups → an array of SystemGroup', () => {
    const { status, body } = call(mock, 'https://console.jumpcloud.com/api/v2/systemgroups?limit=10', auth);
    expect(status).toBe(200);
    expect(Array.isArray(body) && body.length).toBeGreaterThan(0);
    expectValid(validator(v2, operation(v2, '/systemgroups').responses['200'].schema), body);
  });

  it('every console API error body has the shared Error shape (V1 and V2 standardErrors)', () => {
    mock.deny(single.key, 'systemgroups');
    const users = 'https://console.jumpcloud.com/api/systemusers';
    const errors = [
      call(mock, users), // 401 missing key
      call(mock, users, { 'x-api-key': `jca_${'Z'.repeat(36)}` }), // 401 unknown key
      call(mock, `https://console.eu.jumpcloud.com/api/systemusers`, auth), // 401 other region
      call(mock, users, { 'x-api-key': multi.key }), // 401 no organization selected
      call(mock, users, { ...auth, 'x-org-id': 'ffffffffffffffffffffffff' }), // 401 organization not reachable
      call(mock, `${users}?limit=1000`, auth), // 400
      call(mock, 'https://console.jumpcloud.com/api/v2/systemgroups', auth), // 403
      call(mock, 'https://console.jumpcloud.com/api/nothing', auth), // 404
      call(mock, users, auth, 'DELETE'), // 405
    ];
    mock.rateLimit({ times: 1 });
    errors.push(call(mock, users, auth)); // 429
    mock.failWith(500, { times: 1 });
    errors.push(call(mock, users, auth)); // 500
    expect(errors.map((error) => error.status)).toEqual([401, 401, 401, 401, 401, 400, 403, 404, 405, 429, 500]);
    // Open schemas here: JumpCloud's real 401 carries an undocumented "error" field (C1).
    for (const spec of [v1, v2]) {
      const validate = validator(spec, { $ref: '#/definitions/Error' }, false);
      for (const { body } of errors) expectValid(validate, body);
    }
    for (const [status, response] of Object.entries(v1.responses as Record<string, { schema: { $ref: string } }>)) {
      expect([status, response.schema.$ref]).toEqual([status, '#/definitions/Error']);
    }
  });

  it('the client sends only documented query parameters and the documented key header', () => {
    const declared = (spec: Json, path: string) =>
      operation(spec, path).parameters.map((parameter) =>
        typeof parameter.$ref === 'string' ? (spec.parameters as Record<string, Json>)[parameter.$ref.split('/').pop()!].name : parameter.name,
      );
    // The URLs Keyhold's test() calls (see utils/vendors/jumpcloud/api.ts).
    expect(declared(v1, '/systemusers')).toEqual(expect.arrayContaining(['limit', 'skip']));
    expect(declared(v1, '/organizations')).toEqual(expect.arrayContaining(['limit', 'skip']));
    expect(declared(v2, '/systemgroups')).toEqual(expect.arrayContaining(['limit']));
    for (const spec of [v1, v2]) expect(spec.securityDefinitions['x-api-key']).toEqual({ in: 'header', name: 'x-api-key', type: 'apiKey' });
    expect([v1.host, v1.basePath, v2.basePath]).toEqual(['console.jumpcloud.com', '/api/', '/api/v2/']);
  });
});

describe('spec extracts', () => {
  const shared = resolve(here, '../../../../shared/specs/jumpcloud');
  it.skipIf(!existsSync(shared))('are current with ../shared/specs (node tests/contracts/jumpcloud/extract.mjs --check)', () => {
    expect(() => execFileSync(process.execPath, [join(here, 'extract.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('carry their source and licence', () => {
    expect(v1['x-keyhold-extract'].source).toMatch(/TheJumpCloud\/jcapi-powershell\/blob\/[0-9a-f]{40}\/SwaggerSpecs\/JumpCloud\.SDK\.V1\.json$/);
    expect(readFileSync(join(specDir, 'LICENSE.txt'), 'utf8')).toMatch(/MIT License[\s\S]*TheJumpCloud/);
  });
});
