// The mock Jamf Pro server is strict: these checks keep it honest, so a lenient mock cannot hide
// a client bug. Raw requests over HTTPS on the real hostnames.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchVia, startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { JAMF_BASE_URLS } from '../../../tests/mock-vendors/jamf-pro';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
let raw: typeof fetch;
beforeAll(async () => {
  env = await startMocksWithClient();
  raw = fetchVia(env.server.port);
});
afterAll(() => env.close());
beforeEach(() => env.jamf.reset());

const base: string = JAMF_BASE_URLS.cloud;
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

async function call(path: string, init: RequestInit = {}, root = base) {
  const response = await raw(root + path, init);
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined; // a web page
  }
  return { status: response.status, headers: response.headers, text, json };
}

function newClient(options = {}) {
  const client = env.jamf.addClient({ privileges: ['Read Buildings'], lifetime: 60, ...options });
  const fields = { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret! };
  return { client, fields };
}

async function token(fields: Record<string, string>) {
  return (await call('/api/v1/oauth/token', form(fields))).json.access_token as string;
}

const unauthorized = { httpStatus: 401, errors: [{ code: 'INVALID_TOKEN', description: 'Unauthorized', id: '0', field: null }] };

describe('token endpoint', () => {
  it('issues an HS256 JWT with the client lifetime', async () => {
    const { fields } = newClient();
    const answer = await call('/api/v1/oauth/token', form(fields));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json).toMatchObject({ token_type: 'Bearer', expires_in: 59, scope: expect.stringMatching(/^api-role:\d+$/) });
    const [header, payload] = answer.json.access_token
      .split('.')
      .slice(0, 2)
      .map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload.exp - payload.iat).toBe(60);
  });

  it.each<[string, (fields: Record<string, string>) => RequestInit, number, string]>([
    ['GET', () => ({ method: 'GET' }), 400, 'invalid_request'],
    ['JSON body', (f) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(f) }), 400, 'invalid_request'],
    ['no grant_type', (f) => form({ client_id: f.client_id, client_secret: f.client_secret }), 400, 'invalid_request'],
    ['password grant', (f) => form({ ...f, grant_type: 'password' }), 400, 'unsupported_grant_type'],
    ['no secret', (f) => form({ grant_type: 'client_credentials', client_id: f.client_id }), 400, 'invalid_request'],
    ['wrong secret', (f) => form({ ...f, client_secret: f.client_secret.slice(1) + 'x' }), 401, 'invalid_client'],
    ['unknown client', (f) => form({ ...f, client_id: '00000000-0000-4000-8000-000000000000' }), 401, 'invalid_client'],
    ['a scope the client lacks', (f) => form({ ...f, scope: 'api-role:999' }), 400, 'invalid_scope'],
  ])('refuses %s', async (_name, init, status, error) => {
    const { fields } = newClient();
    const answer = await call('/api/v1/oauth/token', init(fields));
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ error });
  });

  it('refuses credentials in the query string and repeated parameters', async () => {
    const { fields } = newClient();
    expect((await call(`/api/oauth/token?${new URLSearchParams(fields)}`, form(fields))).json).toEqual({ error: 'invalid_request' });
    const twice = `${new URLSearchParams(fields)}&client_secret=x`;
    expect((await call('/api/oauth/token', { ...form({}), body: twice })).json).toEqual({ error: 'invalid_request' });
  });

  it('refuses a disabled client and a rotated secret, accepts the new one', async () => {
    const { client, fields } = newClient();
    env.jamf.setEnabled(client.clientId, false);
    expect((await call('/api/oauth/token', form(fields))).status).toBe(401);
    env.jamf.setEnabled(client.clientId, true);
    const fresh = env.jamf.rotateSecret(client.clientId);
    expect((await call('/api/oauth/token', form(fields))).status).toBe(401);
    expect((await call('/api/oauth/token', form({ ...fields, client_secret: fresh }))).status).toBe(200);
  });

  it('the legacy-only server has no /api/v1/oauth/token', async () => {
    const { fields } = newClient();
    env.jamf.setLegacyTokenPathOnly(true);
    expect((await call('/api/v1/oauth/token', form(fields))).status).toBe(404);
    expect((await call('/api/oauth/token', form(fields))).status).toBe(200);
  });
});

describe('API calls', () => {
  it('need a live bearer token', async () => {
    const { fields } = newClient();
    expect(await call('/api/v1/jamf-pro-version')).toMatchObject({ status: 401, json: unauthorized });
    expect(await call('/api/v1/jamf-pro-version', { headers: { authorization: 'Bearer forged.jwt.value' } })).toMatchObject({ status: 401 });
    const bearer = await token(fields);
    const auth = { authorization: `Bearer ${bearer}` };
    expect(await call('/api/v1/jamf-pro-version', { headers: auth })).toMatchObject({ status: 200, json: { version: '11.10.1-t1728390485' } });
    // Not on another server.
    expect((await call('/api/v1/jamf-pro-version', { headers: auth }, JAMF_BASE_URLS.selfHosted)).status).toBe(401);
    env.jamf.advanceTime(60);
    expect(await call('/api/v1/jamf-pro-version', { headers: auth })).toMatchObject({ status: 401, json: unauthorized });
  });

  it('invalidate-token answers 204 and kills the token', async () => {
    const { fields } = newClient();
    const auth = { authorization: `Bearer ${await token(fields)}` };
    expect(await call('/api/v1/auth/invalidate-token', { method: 'POST', headers: auth })).toMatchObject({ status: 204, text: '' });
    expect((await call('/api/v1/buildings', { headers: auth })).status).toBe(401);
    expect(env.jamf.liveTokens()).toEqual([]);
  });

  it('403 with the envelope for a missing privilege; role changes apply to live tokens', async () => {
    const { client, fields } = newClient();
    const auth = { authorization: `Bearer ${await token(fields)}` };
    expect(await call('/api/v1/departments', { headers: auth })).toMatchObject({
      status: 403,
      json: { httpStatus: 403, errors: [{ code: 'INVALID_PRIVILEGE', description: 'Forbidden', id: '0', field: null }] },
    });
    env.jamf.setPrivileges(client.clientId, ['Read Departments']);
    expect((await call('/api/v1/departments?page=0&page-size=1', { headers: auth })).json).toEqual({ totalCount: 3, results: [{ id: '1', name: 'Finance' }] });
    expect((await call('/api/v1/buildings', { headers: auth })).status).toBe(403);
  });

  it('computer groups need both group privileges', async () => {
    const { fields } = newClient({ privileges: ['Read Smart Computer Groups'] });
    const auth = { authorization: `Bearer ${await token(fields)}` };
    expect((await call('/api/v1/computer-groups', { headers: auth })).status).toBe(403);
    expect((await call('/api/v2/computer-groups/smart-groups', { headers: auth })).status).toBe(200);
  });

  it('validates paging and sections, knows methods and paths', async () => {
    const { fields } = newClient({ privileges: ['Read Computers', 'Read Buildings'] });
    const auth = { authorization: `Bearer ${await token(fields)}` };
    expect((await call('/api/v1/buildings?page-size=0', { headers: auth })).json.errors[0].field).toBe('page-size');
    expect((await call('/api/v1/computers-inventory?section=EVERYTHING', { headers: auth })).json.errors[0].field).toBe('section');
    expect((await call('/api/v1/buildings', { method: 'DELETE', headers: auth })).status).toBe(405);
    expect((await call('/api/v1/nothing-here', { headers: auth })).status).toBe(404);
    expect((await call('/api/v3/computers-inventory', { headers: auth })).status).toBe(404);
    env.jamf.setInventoryApis(['v3']);
    expect((await call('/api/v1/computers-inventory', { headers: auth })).status).toBe(404);
    expect((await call('/api/v3/computers-inventory?page-size=1', { headers: auth })).json.results).toHaveLength(1);
  });
});

describe('hosts and faults', () => {
  it('the self-hosted server lives on port 8443 under /jamf only', async () => {
    expect((await call('/api/v1/jamf-pro-version', {}, JAMF_BASE_URLS.selfHosted)).json).toEqual(unauthorized);
    const outside = await call('/api/v1/jamf-pro-version', {}, 'https://jamf.example.org:8443');
    expect(outside.status).toBe(404);
    expect(outside.text).toContain('HTTP Status 404');
    await expect(raw('https://jamf.example.org/jamf/api/v1/jamf-pro-version')).rejects.toThrow();
  });

  it('other Jamf Cloud instances are empty servers of their own', async () => {
    const { fields } = newClient();
    expect((await call('/api/oauth/token', form(fields), 'https://beta.jamfcloud.com')).status).toBe(401);
    expect(env.jamf.server('beta.jamfcloud.com').clients).toEqual([]);
  });

  it('faults hit the matching calls, the set number of times', async () => {
    env.jamf.fault({ kind: 'rate-limit', retryAfter: 7 }, { path: '/v1/jamf-pro-version', times: 2 });
    for (let i = 0; i < 2; i++) {
      const limited = await call('/api/v1/jamf-pro-version');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
    }
    expect((await call('/api/v1/jamf-pro-version')).status).toBe(401);
    env.jamf.fault({ kind: 'html' }, { path: /jamf-pro-version/ });
    expect((await call('/api/v1/jamf-pro-version')).text).toContain('<form>');
  });
});
