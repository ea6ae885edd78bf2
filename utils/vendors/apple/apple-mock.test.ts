// The Apple mock is strict: every claim, header and form field the real token endpoint checks is
// checked, so the passing client tests mean something. Also the API and the fixture console's
// back end (the values a page shows are values the API accepts).
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchVia, startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { VIEW_DEVICES } from '../../../tests/mock-vendors/apple';
import { appleBusiness } from './apple-business';
import { parseApplePrivateKey } from './private-key';

const AUD = 'https://account.apple.com/auth/oauth2/v2/token';
const TOKEN = 'https://account.apple.com/auth/oauth2/token';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const DAY = 86_400;

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
let rawFetch: typeof fetch;
beforeAll(async () => {
  env = await startMocksWithClient();
  rawFetch = fetchVia(env.server.port);
});
afterAll(() => env.close());
beforeEach(() => env.apple.reset());

type Account = ReturnType<typeof env.apple.addApiAccount>;

async function assertion(
  account: Account,
  options: { header?: Record<string, unknown>; claims?: Record<string, unknown>; pem?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: account.clientId, sub: account.clientId, aud: AUD, iat: now, exp: now + 300, jti: randomUUID(), ...options.claims };
  const { key } = await parseApplePrivateKey(options.pem ?? account.privateKeyPem);
  return new SignJWT(claims as never).setProtectedHeader({ alg: 'ES256', kid: account.keyId, typ: 'JWT', ...options.header } as never).sign(key);
}

function form(account: Account, clientAssertion: string, overrides: Record<string, string | undefined> = {}) {
  const fields: Record<string, string | undefined> = {
    grant_type: 'client_credentials',
    client_id: account.clientId,
    client_assertion_type: JWT_BEARER,
    client_assertion: clientAssertion,
    scope: 'business.api',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function token(fields: Record<string, string>, url = TOKEN) {
  const response = await env.http(url, { method: 'POST', form: fields });
  return { status: response.status, body: response.json as Record<string, unknown>, reason: env.apple.lastTokenRejection() };
}

describe('token endpoint', () => {
  it.each([TOKEN, AUD])('issues a token for a valid assertion posted to %s', async (url) => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const result = await token(form(account, await assertion(account)), url);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'business.api' });
  });

  it('accepts an assertion valid for exactly 180 days', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const now = Math.floor(Date.now() / 1000);
    expect((await token(form(account, await assertion(account, { claims: { iat: now, exp: now + 180 * DAY } })))).status).toBe(200);
  });

  const claimCases: [string, (account: Account, now: number) => Record<string, unknown>, string][] = [
    ['iss of another client', () => ({ iss: 'BUSINESSAPI.00000000-0000-4000-8000-000000000000' }), 'iss'],
    ['sub of another client', () => ({ sub: 'BUSINESSAPI.00000000-0000-4000-8000-000000000000' }), 'sub'],
    ['the token URL as audience (no /v2/)', () => ({ aud: TOKEN }), 'aud'],
    ['an extra audience', () => ({ aud: [AUD, 'https://example.com'] }), 'aud'],
    ['no audience', () => ({ aud: undefined }), 'aud'],
    ['iat in the future', (_, now) => ({ iat: now + 600, exp: now + 900 }), 'iat'],
    ['iat missing', () => ({ iat: undefined }), 'iat'],
    ['exp in the past', (_, now) => ({ iat: now - 600, exp: now - 1 }), 'exp'],
    ['exp missing', () => ({ exp: undefined }), 'exp'],
    ['exp 181 days after iat', (_, now) => ({ iat: now, exp: now + 181 * DAY }), 'exp beyond 180 days'],
    ['jti missing', () => ({ jti: undefined }), 'jti'],
    ['an empty jti', () => ({ jti: '' }), 'jti'],
  ];
  it.each(claimCases)('refuses %s (invalid_client)', async (_, claims, reason) => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const result = await token(form(account, await assertion(account, { claims: claims(account, Math.floor(Date.now() / 1000)) })));
    expect(result).toEqual({ status: 400, body: { error: 'invalid_client' }, reason });
  });

  it.each([
    ['typ missing', { typ: undefined }, 'typ'],
    ['another typ', { typ: 'at+jwt' }, 'typ'],
    ['another key ID', { kid: '00000000-0000-4000-8000-000000000000' }, 'kid'],
  ])('refuses a header with %s (invalid_client)', async (_, header, reason) => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    expect(await token(form(account, await assertion(account, { header })))).toEqual({ status: 400, body: { error: 'invalid_client' }, reason });
  });

  it('refuses an unsigned assertion (alg none)', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const signed = await assertion(account);
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: account.keyId, typ: 'JWT' })).toString('base64url');
    const result = await token(form(account, `${header}.${signed.split('.')[1]}.`));
    expect(result).toEqual({ status: 400, body: { error: 'invalid_client' }, reason: 'alg' });
  });

  it("refuses another key's signature and a tampered payload", async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const other = env.apple.addApiAccount({ kind: 'business' });
    expect((await token(form(account, await assertion(account, { pem: other.privateKeyPem })))).reason).toBe('signature');
    const [header, payload, signature] = (await assertion(account)).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 60 })).toString('base64url');
    expect(await token(form(account, `${header}.${tampered}.${signature}`))).toEqual({ status: 400, body: { error: 'invalid_client' }, reason: 'signature' });
  });

  it('accepts the same long-lived assertion again until it expires, as Apple does', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const jwt = await assertion(account);
    expect((await token(form(account, jwt))).status).toBe(200);
    expect((await token(form(account, jwt))).status).toBe(200);
  });

  it('refuses an unknown client, a revoked key and a wrong assertion type (invalid_client)', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const jwt = await assertion(account);
    expect((await token(form(account, jwt, { client_id: 'BUSINESSAPI.00000000-0000-4000-8000-000000000000' }))).reason).toBe('unknown client_id');
    expect((await token(form(account, jwt, { client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer' }))).reason).toBe(
      'client_assertion_type',
    );
    env.apple.revoke(account.clientId);
    expect(await token(form(account, jwt))).toEqual({ status: 400, body: { error: 'invalid_client' }, reason: 'revoked key' });
  });

  it('refuses a scope of the other service or an unknown scope (invalid_scope)', async () => {
    const school = env.apple.addApiAccount({ kind: 'school' });
    expect(await token(form(school, await assertion(school), { scope: 'business.api' }))).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    expect(await token(form(school, await assertion(school), { scope: 'school.api' }))).toMatchObject({ status: 200 });
    expect(await token(form(school, await assertion(school), { scope: 'everything' }))).toMatchObject({ body: { error: 'invalid_scope' } });
  });

  it.each(['grant_type', 'client_id', 'client_assertion_type', 'client_assertion', 'scope'])('needs %s (invalid_request)', async (field) => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    expect(await token(form(account, await assertion(account), { [field]: undefined }))).toEqual({
      status: 400,
      body: { error: 'invalid_request' },
      reason: `missing ${field}`,
    });
  });

  it('refuses another grant type', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    expect(await token(form(account, await assertion(account), { grant_type: 'authorization_code' }))).toMatchObject({ body: { error: 'unsupported_grant_type' } });
  });

  it('needs a POST with a form body, each field once', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const fields = form(account, await assertion(account));
    const get = await rawFetch(TOKEN);
    expect([get.status, get.headers.get('allow'), await get.json()]).toEqual([405, 'POST', { error: 'invalid_request' }]);
    const asJson = await rawFetch(TOKEN, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
    expect([asJson.status, await asJson.json(), env.apple.lastTokenRejection()]).toEqual([400, { error: 'invalid_request' }, 'content type']);
    const twice = `${new URLSearchParams(fields)}&scope=school.api`;
    const repeated = await rawFetch(TOKEN, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: twice });
    expect([repeated.status, env.apple.lastTokenRejection()]).toEqual([400, 'repeated scope']);
  });
});

describe('API', () => {
  async function bearerFor(account: Account, scope = 'business.api') {
    const result = await token(form(account, await assertion(account), { scope }));
    return result.body.access_token as string;
  }
  const get = (url: string, accessToken?: string) =>
    env.http(url, accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {});

  it('lists MDM servers and devices as JSON:API pages with cursors', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const accessToken = await bearerFor(account);
    const first = await get('https://api-business.apple.com/v1/orgDevices?limit=2', accessToken);
    const body = first.json as { data: { id: string }[]; links: { next: string }; meta: { paging: { total: number; nextCursor: string } } };
    expect(first.status).toBe(200);
    expect(body.data.map((device) => device.id)).toEqual(['C02ZK1ABMD6R', 'DMQXK2ABHG7K']);
    expect(body.meta.paging).toMatchObject({ total: 3, limit: 2 });
    const next = (await get(body.links.next, accessToken)).json as { data: { id: string }[]; links: Record<string, string> };
    expect(next.data.map((device) => device.id)).toEqual(['F17ZX3ABN72Q']);
    expect(next.links.next).toBeUndefined();
    const servers = (await get('https://api-business.apple.com/v1/mdmServers', accessToken)).json as { data: { type: string }[] };
    expect(servers.data.map((server) => server.type)).toEqual(['mdmServers', 'mdmServers']);
  });

  it.each([
    ['no token', undefined, 401, 'NOT_AUTHORIZED'],
    ['an unknown token', 'abc', 401, 'NOT_AUTHORIZED'],
  ])('refuses %s', async (_, accessToken, status, code) => {
    const response = await get('https://api-business.apple.com/v1/mdmServers?limit=1', accessToken);
    expect(response.status).toBe(status);
    expect(response.json).toEqual({ errors: [expect.objectContaining({ status: String(status), code })] });
  });

  it('refuses an expired token, a token of the other service and one whose key was revoked', async () => {
    env.apple.setTokenLifetime(0);
    const business = env.apple.addApiAccount({ kind: 'business' });
    expect((await get('https://api-business.apple.com/v1/mdmServers', await bearerFor(business))).status).toBe(401);
    env.apple.setTokenLifetime(3600);
    const school = env.apple.addApiAccount({ kind: 'school' });
    expect((await get('https://api-business.apple.com/v1/mdmServers', await bearerFor(school, 'school.api'))).status).toBe(401);
    const accessToken = await bearerFor(business);
    expect((await get('https://api-business.apple.com/v1/mdmServers', accessToken)).status).toBe(200);
    env.apple.revoke(business.clientId);
    expect((await get('https://api-business.apple.com/v1/mdmServers', accessToken)).status).toBe(401);
  });

  it('checks method, path and parameters', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const accessToken = await bearerFor(account);
    const post = await env.http('https://api-business.apple.com/v1/mdmServers', { method: 'POST', headers: { Authorization: `Bearer ${accessToken}` } });
    expect(post.status).toBe(405);
    expect((await get('https://api-business.apple.com/v1/apps', accessToken)).status).toBe(404);
    for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'page=2']) {
      const response = await get(`https://api-business.apple.com/v1/orgDevices?${query}`, accessToken);
      expect(response.status).toBe(400);
      expect((response.json as { errors: { source: unknown }[] }).errors[0].source).toEqual({ parameter: query.split('=')[0] });
    }
  });

  it('answers 403 when an Apple Business account lacks the permission', async () => {
    const account = env.apple.addApiAccount({ kind: 'business', permissions: [] });
    const response = await get('https://api-business.apple.com/v1/orgDevices?limit=1', await bearerFor(account));
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ errors: [expect.objectContaining({ status: '403', code: 'FORBIDDEN_ERROR' })] });
  });
});

describe('fixture console back end', () => {
  const consoleCall = async (host: string, path: string, method = 'GET', body?: unknown) => {
    const response = await rawFetch(`https://${host}/mock-console${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: await response.json() };
  };

  it('grants the permissions ticked in the create sheet', async () => {
    const created = await consoleCall('business.apple.com', '/api-accounts', 'POST', { name: 'Jamf', permissions: [VIEW_DEVICES, 'Not an Apple permission'] });
    expect(created.body.permissions).toEqual([VIEW_DEVICES]);
    const key = await consoleCall('business.apple.com', `/api-accounts/${created.body.id}/private-key`, 'POST');
    const shown = await consoleCall('business.apple.com', `/api-accounts/${created.body.id}`);
    const report = await appleBusiness.test({ clientId: shown.body.clientId, keyId: shown.body.keyId, privateKey: key.body.pem }, { http: env.http, now: () => Date.now() });
    expect(report).toMatchObject({ ok: true, permissions: [{ name: 'MDM servers', granted: true }, { name: 'Devices', granted: true }] });
  });

  it('serves the single-page console on both hosts', async () => {
    for (const [host, product] of [
      ['business.apple.com', 'Apple Business Manager'],
      ['school.apple.com', 'Apple School Manager'],
    ]) {
      const response = await rawFetch(`https://${host}/`);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain(`<title>${product}</title>`);
    }
  });

  it('creates an account, hands out its key once, and the shown values pass the real test', async () => {
    const created = await consoleCall('business.apple.com', '/api-accounts', 'POST', { name: 'Inventory sync', permissions: [] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Inventory sync', keyId: null, clientId: expect.stringMatching(/^BUSINESSAPI\./) });
    const key = await consoleCall('business.apple.com', `/api-accounts/${created.body.id}/private-key`, 'POST');
    expect(key.body.fileName).toMatch(/^Inventory sync_\d{4}-\d{2}-\d{2}\.pem$/);
    expect(key.body.pem).toHaveLength(246);
    expect((await consoleCall('business.apple.com', `/api-accounts/${created.body.id}/private-key`, 'POST')).status).toBe(409);
    const shown = await consoleCall('business.apple.com', `/api-accounts/${created.body.id}`);
    expect(shown.body.keyId).toMatch(/^[0-9a-f-]{36}$/);
    // The School console does not list Business accounts.
    expect((await consoleCall('school.apple.com', '/api-accounts')).body).toEqual([]);

    // No permission ticked in the sheet: the token works, the reads are denied.
    const values = { clientId: shown.body.clientId, keyId: shown.body.keyId, privateKey: key.body.pem };
    const report = await appleBusiness.test(values, { http: env.http, now: () => Date.now() });
    expect(report).toMatchObject({ ok: true, permissions: [{ name: 'MDM servers', granted: false }, { name: 'Devices', granted: false }] });

    // Revoking from the console breaks the credential.
    await consoleCall('business.apple.com', `/api-accounts/${created.body.id}/revoke`, 'POST');
    expect(await appleBusiness.test(values, { http: env.http, now: () => Date.now() })).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
  });
});
