// The Jamf Pro mock and Keyhold's Jamf Pro probes against Jamf's own API description (an extract
// of ../shared/specs/jamf/jamf-pro-privileges.json, see SOURCES.md): response bodies validate
// against the operation's documented schema, error bodies against ApiError, and every privilege
// Keyhold reports for a probe is exactly the x-required-privileges of the operation it calls.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createJamfMock } from '../../mock-vendors/jamf-pro';
import { inventoryReadOnly, privilegeCatalogue, requiredPrivileges } from '../../mock-vendors/jamf-pro/data';
import type { MockRequest, MockResponse } from '../../mock-vendors/server';
import { checkablePrivileges, jamfProTemplates, privilegeProbes, type PrivilegeProbe } from '../../../utils/vendors/jamf-pro/privileges';

const here = dirname(fileURLToPath(import.meta.url));
const contract = JSON.parse(readFileSync(resolve(here, '../specs/jamf-pro/jamf-pro-contract.json'), 'utf8')) as {
  notInSource: string[];
  privileges: Record<string, string[] | null>;
  endpoints: Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>;
  components: { schemas: Record<string, any> };
  allPrivilegeNames: string[];
};

// ---- OpenAPI 3.0 schemas as JSON Schema for Ajv: components/schemas become definitions ----

const toDefinitions = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"jamf-pro#/definitions/'));

function makeAjv(relaxFieldNull: boolean) {
  const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword('example'); // OpenAPI annotation
  const schemas = structuredClone(contract.components.schemas);
  // SOURCES.md J3: real error envelopes carry "field": null, which the document forbids.
  if (relaxFieldNull) schemas.ApiErrorCause.properties.field.nullable = true;
  ajv.addSchema({ $id: 'jamf-pro', definitions: toDefinitions(schemas) });
  return ajv;
}
const ajv = makeAjv(true);

/** The documented schema of an operation's answer. */
function responseValidator(operation: string, status = '200'): ValidateFunction {
  const schema = contract.endpoints[operation]?.responses[status]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${operation} documents no JSON ${status} body`);
  return ajv.compile(toDefinitions(schema));
}
const apiError = ajv.getSchema('jamf-pro#/definitions/ApiError')!;

function expectValid(validate: ValidateFunction, body: unknown) {
  const valid = validate(body);
  expect(valid ? [] : validate.errors).toEqual([]);
}

// ---- Talking to the mock directly (no network: bodies are what matter here) ----

const mock = createJamfMock();
const HOST = 'acme.jamfcloud.com';

async function send(method: string, target: string, init: { token?: string; form?: Record<string, string> } = {}) {
  const url = new URL(target, `https://${HOST}`);
  const body = init.form ? new URLSearchParams(init.form).toString() : '';
  const request: MockRequest = {
    method,
    host: HOST,
    port: '',
    path: url.pathname,
    query: url.searchParams,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body,
    form: init.form ? new URLSearchParams(body) : undefined,
    receivedAt: Date.now(),
  };
  const answer = (await mock.handle(request)) as MockResponse;
  return { status: answer.status, body: typeof answer.body === 'string' ? JSON.parse(answer.body) : answer.body };
}

async function tokenFor(privileges: string[]) {
  const client = mock.addClient({ privileges, lifetime: 600 });
  const form = { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret! };
  return (await send('POST', '/api/v1/oauth/token', { form })).body.access_token as string;
}

describe('response bodies match the documented schemas', () => {
  it.each([
    ['GET /v1/jamf-pro-version', ''],
    ['GET /v1/computers-inventory', '?section=GENERAL&page=0&page-size=1'],
    ['GET /v1/computers-inventory', ''],
    ['GET /v2/mobile-devices', '?page=0&page-size=1'],
    ['GET /v2/mobile-devices', ''],
    ['GET /v1/buildings', '?page=0&page-size=1'],
    ['GET /v1/buildings', ''],
    ['GET /v1/departments', '?page=0&page-size=1'],
    ['GET /v1/departments', ''],
    ['GET /v1/computer-groups', ''],
    ['GET /v1/api-roles', '?page=0&page-size=1'],
  ])('%s%s', async (operation, query) => {
    const token = await tokenFor(checkablePrivileges);
    const [method, path] = operation.split(' ');
    const answer = await send(method, `/api${path}${query}`, { token });
    expect(answer.status).toBe(200);
    expectValid(responseValidator(operation), answer.body);
  });

  it('GET /v3/computers-inventory (not in the document, see J2) has the v1 shape', async () => {
    expect(contract.notInSource).toContain('GET /v3/computers-inventory');
    mock.setInventoryApis(['v3']);
    const answer = await send('GET', '/api/v3/computers-inventory?section=GENERAL&page=0&page-size=1', { token: await tokenFor(['Read Computers']) });
    mock.reset();
    expectValid(responseValidator('GET /v1/computers-inventory'), answer.body);
  });

  it('POST /v1/auth/invalidate-token answers the documented 204 without a body', async () => {
    expect(Object.keys(contract.endpoints['POST /v1/auth/invalidate-token'].responses)).toEqual(['204']);
    expect(await send('POST', '/api/v1/auth/invalidate-token', { token: await tokenFor([]) })).toEqual({ status: 204, body: undefined });
  });

  it('the token answer follows RFC 6749 §5.1 (Jamf does not document it, see J2)', async () => {
    expect(contract.notInSource).toEqual(expect.arrayContaining(['POST /v1/oauth/token', 'POST /oauth/token']));
    const client = mock.addClient({ privileges: [], lifetime: 600 });
    const form = { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret! };
    const rfc = ajv.compile({
      type: 'object',
      required: ['access_token', 'token_type', 'expires_in'],
      properties: {
        access_token: { type: 'string', minLength: 1 },
        token_type: { type: 'string', pattern: '^[Bb]earer$' },
        expires_in: { type: 'integer', minimum: 1 },
        scope: { type: 'string' },
      },
      additionalProperties: false,
    });
    const rfcError = ajv.compile({
      type: 'object',
      required: ['error'],
      properties: { error: { enum: ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'] } },
    });
    for (const path of ['/api/v1/oauth/token', '/api/oauth/token']) {
      expectValid(rfc, (await send('POST', path, { form })).body);
      expectValid(rfcError, (await send('POST', path, { form: { ...form, client_secret: 'wrong-secret-value' } })).body);
      expectValid(rfcError, (await send('GET', path)).body);
    }
  });
});

describe('error bodies are ApiError envelopes', () => {
  it.each<[string, () => Promise<{ status: number; body: unknown }>, number]>([
    ['no token', () => send('GET', '/api/v1/jamf-pro-version'), 401],
    ['a missing privilege', async () => send('GET', '/api/v1/buildings', { token: await tokenFor([]) }), 403],
    ['a bad page-size', async () => send('GET', '/api/v1/departments?page-size=0', { token: await tokenFor(['Read Departments']) }), 400],
    ['a bad section', async () => send('GET', '/api/v1/computers-inventory?section=X', { token: await tokenFor(['Read Computers']) }), 400],
    ['an unknown path', async () => send('GET', '/api/v1/nothing', { token: await tokenFor([]) }), 404],
    ['a wrong method', async () => send('DELETE', '/api/v1/buildings', { token: await tokenFor([]) }), 405],
    ['the legacy server\'s missing v1 token path', async () => {
      mock.setLegacyTokenPathOnly(true);
      const answer = await send('POST', '/api/v1/oauth/token', { form: { grant_type: 'client_credentials' } });
      mock.reset();
      return answer;
    }, 404],
    ['a rate limit', async () => {
      mock.fault({ kind: 'rate-limit' });
      return send('GET', '/api/v1/jamf-pro-version');
    }, 429],
    ['a server error', async () => {
      mock.fault({ kind: 'server-error' });
      return send('GET', '/api/v1/jamf-pro-version');
    }, 500],
  ])('%s', async (_name, call, status) => {
    const answer = await call();
    expect(answer.status).toBe(status);
    expectValid(apiError, answer.body);
    expect((answer.body as { httpStatus: number }).httpStatus).toBe(status);
  });

  it('the unrelaxed document would reject the genuine 401 envelope (why J3 relaxes field)', async () => {
    const strict = makeAjv(false).getSchema('jamf-pro#/definitions/ApiError')!;
    const { body } = await send('GET', '/api/v1/jamf-pro-version');
    expect(strict(body)).toBe(false);
    expect(strict.errors?.[0]).toMatchObject({ instancePath: '/errors/0/field', keyword: 'type' });
  });
});

describe('privileges match x-required-privileges', () => {
  const documented = (operation: string) => contract.privileges[operation] ?? [];
  const allProbes = privilegeProbes.flatMap((probe): PrivilegeProbe[] => (probe.narrower ? [probe, probe.narrower] : [probe]));

  it.each(allProbes.map((probe) => [probe.path, probe] as const))('probe GET %s', (path, probe) => {
    expect(contract.privileges).toHaveProperty([`GET ${path}`]);
    expect(probe.privileges).toEqual(documented(`GET ${path}`));
  });

  it('a probe of several privileges has a narrower probe that needs a strict subset of them', () => {
    for (const probe of privilegeProbes.filter((candidate) => candidate.privileges.length > 1)) {
      expect(probe.narrower).toBeDefined();
      expect(probe.privileges).toEqual(expect.arrayContaining(probe.narrower!.privileges));
      expect(probe.narrower!.privileges.length).toBeLessThan(probe.privileges.length);
    }
  });

  it('the computers-inventory fallback is the undocumented /v3, assumed to need what /v1 needs', () => {
    const fallbacks = privilegeProbes.filter((probe) => probe.fallback).map((probe) => [probe.path, probe.fallback]);
    expect(fallbacks).toEqual([['/v1/computers-inventory', '/v3/computers-inventory']]);
    expect(contract.notInSource).toContain('GET /v3/computers-inventory');
  });

  it('the mock demands exactly the documented privileges', () => {
    for (const [operation, privileges] of Object.entries(requiredPrivileges)) {
      if (contract.notInSource.includes(operation)) {
        expect(privileges).toEqual(documented(operation.replace('/v3/', '/v1/')));
        continue;
      }
      expect(contract.privileges, operation).toHaveProperty([operation]);
      expect(privileges, operation).toEqual(documented(operation));
    }
  });

  it('the version call and the revoke need no privilege', () => {
    expect(contract.privileges['GET /v1/jamf-pro-version']).toBeNull();
    expect(contract.privileges['POST /v1/auth/invalidate-token']).toBeNull();
  });

  it('templates, the role form and the demo role use real Jamf privilege names, each one checkable', () => {
    const names = new Set(contract.allPrivilegeNames);
    for (const template of jamfProTemplates) {
      for (const name of template.privileges) {
        expect(names.has(name), name).toBe(true);
        expect(checkablePrivileges, name).toContain(name);
      }
    }
    for (const name of privilegeCatalogue) expect(names.has(name), name).toBe(true);
    expect(inventoryReadOnly).toEqual(jamfProTemplates[0].privileges);
  });
});

const extractScript = resolve(here, 'extract.mjs');
const shared = resolve(here, '../../../../shared/specs/jamf/jamf-pro-privileges.json');

describe.runIf(existsSync(shared))('the committed extract', () => {
  it('is what extract.mjs makes from ../shared today', () => {
    const output = execFileSync(process.execPath, [extractScript, '--check'], { encoding: 'utf8' });
    expect(output).toContain('up to date');
  });
});
