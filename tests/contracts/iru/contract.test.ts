// The Iru mock against Kandji's published API description: response bodies have the keys and
// value types of the official Postman collection's examples (SOURCES.md K1: the examples, not the
// loose generated schemas), and every call Keyhold makes exists in the OpenAPI file with the
// bearer scheme. Spec extracts live in tests/contracts/specs/iru (made by extract.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { createIruMock } from '../../mock-vendors/iru';
import type { MockRequest, MockResponse } from '../../mock-vendors/server';
import { probes } from '../../../utils/vendors/iru/api-token';

const here = dirname(fileURLToPath(import.meta.url));
const specs = resolve(here, '../specs/iru');
const read = (name: string) => JSON.parse(readFileSync(resolve(specs, name), 'utf8'));
const collection = read('kandji-postman-examples.json') as {
  auth: string;
  requests: Record<string, { method: string; path: string; examples: { name: string; code: number; body: unknown }[] }>;
};
const openapi = read('kandji-openapi-extract.json');

// ---- Shape comparison: same keys, same JSON types (a null in the example says nothing) ----

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Every value at a path (array items flattened) across a request's examples. */
function valuesAt(bodies: unknown[], path: string[]): unknown[] {
  let values = bodies;
  for (const key of path) {
    values = values.flatMap((value) => {
      if (key === '[]') return Array.isArray(value) ? value : [];
      return kind(value) === 'object' && key in (value as object) ? [(value as Record<string, unknown>)[key]] : [];
    });
  }
  return values;
}

/**
 * Differences between a mock body and the example of the same platform. A type the platform's
 * example lacks passes when another example of the call has it at the same place (an unassigned
 * device's `user` is "" in one example and an object in another).
 */
function shapeErrors(actual: unknown, expected: unknown, others: unknown[] = [], path: string[] = [], errors: string[] = []): string[] {
  const where = `$${path.map((key) => (key === '[]' ? '[]' : `.${key}`)).join('')}`;
  if (expected === null) return errors;
  if (kind(actual) !== kind(expected)) {
    const alternative = valuesAt(others, path).find((value) => kind(value) === kind(actual));
    if (alternative === undefined) errors.push(`${where}: ${kind(actual)} where the example has ${kind(expected)}`);
    else shapeErrors(actual, alternative, others, path, errors);
    return errors;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length) actual.forEach((item) => shapeErrors(item, expected[0], others, [...path, '[]'], errors));
    else if (actual.length) errors.push(`${where}: items where the example has an empty list`);
  } else if (kind(expected) === 'object') {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!(key in a)) errors.push(`${where}.${key}: missing`);
    for (const key of Object.keys(a)) if (!(key in e)) errors.push(`${where}.${key}: not in the example`);
    for (const key of Object.keys(e)) if (key in a) shapeErrors(a[key], e[key], others, [...path, key], errors);
  }
  return errors;
}

const bodiesOf = (request: string) =>
  collection.requests[request].examples.flatMap((example) => (Array.isArray(example.body) ? example.body : [example.body]));

/** The example of a platform: by the body's platform field, else by the example's name. */
function examplesByPlatform(request: string): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const example of collection.requests[request].examples) {
    const items = Array.isArray(example.body) ? example.body : [example.body];
    for (const item of items as Record<string, any>[]) {
      const platform = item.platform ?? item.general?.platform ?? /^(Mac|iPad|iPhone|AppleTV)/.exec(example.name)?.[1];
      if (platform && !found.has(platform)) found.set(platform, item);
    }
  }
  return found;
}

// ---- The mock, called directly ----

const mock = createIruMock();
const apiHost = 'acme.api.kandji.io';
const token = mock.addToken({
  apiHost,
  permissions: ['Device list', 'Device ID', 'Device details', 'Application list', 'List Blueprints'],
});
const devices = mock.tenant(apiHost).devices;

function call(path: string): MockResponse {
  const url = new URL(path, `https://${apiHost}`);
  const request: MockRequest = {
    method: 'GET',
    host: apiHost,
    port: '',
    path: url.pathname,
    query: url.searchParams,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    body: '',
    receivedAt: Date.now(),
  };
  const response = mock.handle(request) as MockResponse;
  expect(response.status, path).toBe(200);
  expect(response.headers?.['content-type']).toMatch(/^application\/json/);
  return response;
}

describe('mock bodies have the shape of the collection examples', () => {
  it('the source is the official collection, bearer-authenticated', () => {
    expect(collection.auth).toBe('bearer');
    expect(Object.keys(collection.requests)).toEqual([
      'List Devices',
      'Get Device',
      'Get Device Details',
      'Get Device Apps',
      'List Blueprints',
    ]);
  });

  it('GET /api/v1/devices is a JSON array of device records', () => {
    const body = call('/api/v1/devices?limit=300').body;
    expect(Array.isArray(body)).toBe(true);
    expect(Array.isArray(collection.requests['List Devices'].examples[0].body)).toBe(true);
    const byPlatform = examplesByPlatform('List Devices');
    for (const item of body as { platform: string }[]) {
      expect(byPlatform.has(item.platform)).toBe(true);
      expect(shapeErrors(item, byPlatform.get(item.platform), bodiesOf('List Devices'))).toEqual([]);
    }
  });

  it.each([
    ['Get Device', ''],
    ['Get Device Details', '/details'],
    ['Get Device Apps', '/apps'],
  ])('%s', (request, suffix) => {
    // Get Device returns the list's record (less lost_mode_status): the list examples show its other types.
    const others = request === 'Get Device' ? [...bodiesOf(request), ...bodiesOf('List Devices')] : bodiesOf(request);
    const byPlatform = examplesByPlatform(request);
    expect(new Set(devices.map((d) => d.platform))).toEqual(new Set(['Mac', 'iPad']));
    for (const device of devices) {
      const example = byPlatform.get(device.platform);
      expect(example, `${request} has a ${device.platform} example`).toBeDefined();
      expect(shapeErrors(call(`/api/v1/devices/${device.id}${suffix}`).body, example, others)).toEqual([]);
    }
  });

  it('GET /api/v1/blueprints is { count, next, previous, results }', () => {
    const body = call('/api/v1/blueprints').body;
    expect(shapeErrors(body, collection.requests['List Blueprints'].examples[0].body, bodiesOf('List Blueprints'))).toEqual([]);
  });

  it('the comparison catches a renamed key and a wrong type, and accepts a type another example shows', () => {
    const example = collection.requests['List Blueprints'].examples[0].body as { results: Record<string, unknown>[] };
    expect(shapeErrors({ ...example, total: 2 }, example)).toEqual(['$.total: not in the example']);
    expect(shapeErrors({ ...example, count: '2' }, example)).toEqual(['$.count: string where the example has number']);
    const item = { ...example.results[0], enrollment_code: { code: 1, is_active: true } };
    expect(shapeErrors({ ...example, results: [item] }, example)).toEqual([
      '$.results[].enrollment_code.code: number where the example has string',
    ]);
    const mac = examplesByPlatform('List Devices').get('Mac') as Record<string, unknown>;
    expect(shapeErrors({ ...mac, user: '' }, mac)).toEqual(['$.user: string where the example has object']);
    expect(shapeErrors({ ...mac, user: '' }, mac, bodiesOf('List Devices'))).toEqual([]);
  });
});

describe('the OpenAPI description (generated from the collection)', () => {
  it('declares the bearer scheme for every operation', () => {
    expect(openapi.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(openapi.security).toEqual([{ bearer: [] }]);
  });

  it.each(Object.values(probes).map((probe) => [probe.path, probe] as const))('GET %s exists with its parameters', (path, probe) => {
    const operation = openapi.paths[path]?.get;
    expect(operation).toBeDefined();
    expect(operation.security).toEqual([{ bearer: [] }]);
    const names = operation.parameters.map((p: { name: string }) => p.name);
    for (const name of Object.keys(probe.query ?? {})) expect(names).toContain(name);
    if (probe.byId) expect(operation.parameters).toContainEqual(expect.objectContaining({ name: 'device_id', in: 'path', required: true }));
  });

  it('Blueprints and apps bodies satisfy the schemas that hold (the others type booleans as integers, K1)', () => {
    const ajv = new Ajv({ strict: false });
    const blueprints = ajv.compile(openapi.paths['/api/v1/blueprints'].get.responses['200'].schema);
    expect(blueprints(call('/api/v1/blueprints').body), ajv.errorsText(blueprints.errors)).toBe(true);
    const apps = ajv.compile(openapi.paths['/api/v1/devices/{device_id}/apps'].get.responses['200'].schema);
    expect(apps(call(`/api/v1/devices/${devices[0].id}/apps`).body), ajv.errorsText(apps.errors)).toBe(true);
    // The generated schema calls the device list an object; the examples and the API return an array.
    expect(openapi.paths['/api/v1/devices'].get.responses['200'].schema).toEqual({ type: 'object' });
  });
});

describe('the committed extract', () => {
  it('carries the licence of the repository it came from', () => {
    const licence = readFileSync(resolve(specs, 'LICENSE'), 'utf8');
    expect(licence).toMatch(/^MIT License/);
    expect(licence).toContain('Scott Blake');
  });

  const shared = resolve(here, '../../../../shared/specs/kandji/kandji_postman_collection.json');
  it.skipIf(!existsSync(shared))('matches a fresh extraction from ../shared/specs', async () => {
    // @ts-expect-error plain ES module without types
    const { extract } = await import('./extract.mjs');
    const { examples, spec } = extract();
    expect(examples).toEqual(collection);
    expect(spec).toEqual(openapi);
  });
});
