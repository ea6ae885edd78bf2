// The real test() against the real JumpCloud mock over HTTPS on JumpCloud's hostnames: proves the
// client and the mock agree on every call, header and error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchVia, startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import type { TestContext } from '../types';
import { jumpcloudApiKey } from './api-key';
import { jumpcloudServiceAccount } from './service-account';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
let ctx: TestContext;
beforeAll(async () => {
  env = await startMocksWithClient();
  ctx = { http: env.http, now: () => Date.now() };
});
afterAll(() => env.close());
beforeEach(() => {
  env.jumpcloud.reset();
  env.server.requests.length = 0;
});

const mock = () => env.jumpcloud;
const stepsOf = (report: { steps: { name: string; status?: number; ok: boolean }[] }) => report.steps.map((step) => `${step.name} ${step.status ?? '-'}`);

describe('admin API key', () => {
  it('passes in the US with both reads, timings and permissions', async () => {
    const { key } = mock().addApiKey({ region: 'us' });
    const report = await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx);
    expect(report).toMatchObject({ ok: true, message: 'The API key works in JumpCloud US: it listed users (3 in total) and device groups.' });
    expect(stepsOf(report)).toEqual(['List users 200', 'List device groups 200']);
    expect(report.steps.every((step) => step.ok && step.ms >= 0)).toBe(true);
    expect(report.permissions).toEqual([
      { name: 'Read users', granted: true },
      { name: 'Read device groups', granted: true },
    ]);
    expect(report.details).toEqual({ region: 'US', users: 3 });
    const [users, groups] = env.server.requests;
    expect(`${users.host}${users.path}?${users.query}`).toBe('console.jumpcloud.com/api/systemusers?limit=1&skip=0');
    expect(users.headers['x-api-key']).toBe(key);
    expect(users.headers['x-org-id']).toBeUndefined();
    expect(`${groups.host}${groups.path}?${groups.query}`).toBe('console.jumpcloud.com/api/v2/systemgroups?limit=1');
  });

  it('passes in EU and IN against their own hosts', async () => {
    for (const region of ['eu', 'in'] as const) {
      const { key } = mock().addApiKey({ region });
      const report = await jumpcloudApiKey.test({ apiKey: key, region }, ctx);
      expect(report.ok).toBe(true);
      expect(env.server.requests.at(-1)!.host).toBe(`console.${region}.jumpcloud.com`);
    }
  });

  it('accepts a legacy 40-character key', async () => {
    const { key } = mock().addApiKey({ key: 'a1B2c3D4e5F6a1B2c3D4e5F6a1B2c3D4e5F6a1B2' });
    expect((await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx)).ok).toBe(true);
  });

  it('multi-tenant key: fails naming the organizations, then passes once one is picked', async () => {
    const { key, orgs } = mock().addApiKey({ region: 'us', multiTenant: true, orgs: 3 });
    const failed = await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx);
    expect(failed).toMatchObject({ ok: false, code: 'ORGANIZATION_REQUIRED' });
    expect(failed.message).toMatch(/organization/);
    expect(failed.details?.organizations).toEqual(orgs.map((org) => ({ id: org.id, name: org.name })));
    expect(stepsOf(failed)).toEqual(['List users 401', 'List organizations 200']);
    expect(env.server.requests.at(-1)!.headers['x-org-id']).toBeUndefined();

    const passed = await jumpcloudApiKey.test({ apiKey: key, region: 'us', orgId: orgs[1].id }, ctx);
    expect(passed).toMatchObject({ ok: true, details: { organization: orgs[1].id } });
    expect(env.server.requests.at(-1)!.headers['x-org-id']).toBe(orgs[1].id);
  });

  it('multi-tenant key with an organization it cannot reach: says so and lists the right ones', async () => {
    const { key, orgs } = mock().addApiKey({ multiTenant: true, orgs: 2 });
    const report = await jumpcloudApiKey.test({ apiKey: key, region: 'us', orgId: 'ffffffffffffffffffffffff' }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'ORGANIZATION_REQUIRED' });
    expect(report.message).toMatch(/cannot reach organization ffffffffffffffffffffffff/);
    expect((report.details?.organizations as unknown[]).length).toBe(orgs.length);
  });

  it('bad, revoked and regenerated keys are invalid credentials', async () => {
    const bad = await jumpcloudApiKey.test({ apiKey: 'jca_' + 'Z'.repeat(36), region: 'us' }, ctx);
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(bad.message).toMatch(/the key was regenerated, expired, or its admin was removed/);

    const { key } = mock().addApiKey();
    mock().revokeApiKey(key);
    expect((await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx)).code).toBe('INVALID_CREDENTIALS');

    const expired = mock().addApiKey({ expiresAt: new Date(Date.now() - 1000) });
    expect((await jumpcloudApiKey.test({ apiKey: expired.key, region: 'us' }, ctx)).code).toBe('INVALID_CREDENTIALS');
  });

  it('a key from another region: invalid, naming the region tried, and no other region is contacted', async () => {
    const { key } = mock().addApiKey({ region: 'eu' });
    const report = await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(report.message).toMatch(/tried US, so check the region/);
    expect(new Set(env.server.requests.map((request) => request.host))).toEqual(new Set(['console.jumpcloud.com']));
  });

  it('a role without device-group access is a permission row', async () => {
    const { key } = mock().addApiKey({ deny: ['systemgroups'] });
    const report = await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx);
    expect(report.ok).toBe(true);
    expect(report.permissions).toContainEqual({ name: 'Read device groups', granted: false });
  });

  it('429 → RATE_LIMITED with Retry-After; 5xx, HTML and dropped connections are explained', async () => {
    const { key } = mock().addApiKey();
    mock().rateLimit({ retryAfter: 42, times: 1 });
    const limited = await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx);
    expect(limited).toMatchObject({ ok: false, code: 'RATE_LIMITED', details: { retryAfter: 42 } });
    expect(limited.message).toMatch(/42 s/);
    expect((await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx)).ok).toBe(true);

    mock().failWith(503, { times: 1 });
    expect((await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx)).code).toBe('UNEXPECTED_RESPONSE');
    mock().answerHtml({ times: 1 });
    const htmlReport = await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx);
    expect(htmlReport).toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
    expect(htmlReport.message).toMatch(/web page/);
    mock().dropConnections({ times: 1 });
    expect((await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx)).code).toBe('NETWORK_ERROR');
  });
});

describe('service account', () => {
  it('passes in the US: token (Basic, form), lifetime, then bearer reads', async () => {
    const { clientId, clientSecret } = mock().addServiceAccount({ region: 'us' });
    const report = await jumpcloudServiceAccount.test({ clientId, clientSecret, region: 'us' }, ctx);
    expect(report).toMatchObject({ ok: true, tokenExpiresIn: 3599 });
    expect(report.message).toBe('The service account works in JumpCloud US: JumpCloud issued a token valid for 60 minutes, and it listed users (3 in total) and device groups.');
    expect(stepsOf(report)).toEqual(['Token request 200', 'List users 200', 'List device groups 200']);

    const [token, users] = env.server.requests;
    expect(`${token.method} ${token.host}${token.path}`).toBe('POST admin-oauth.id.jumpcloud.com/oauth2/token');
    expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token.body).toBe('grant_type=client_credentials&scope=api');
    expect(token.headers.authorization).toBe(`Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`);
    expect(users.headers.authorization).toMatch(/^Bearer .+/);
    expect(users.headers['x-api-key']).toBeUndefined();
  });

  it('passes in EU with the account’s token lifetime', async () => {
    const { clientId, clientSecret } = mock().addServiceAccount({ region: 'eu', lifetime: 1800 });
    const report = await jumpcloudServiceAccount.test({ clientId, clientSecret, region: 'eu' }, ctx);
    expect(report).toMatchObject({ ok: true, tokenExpiresIn: 1800 });
    expect(env.server.requests.map((request) => request.host)).toEqual(['admin-oauth.id.eu.jumpcloud.com', 'console.eu.jumpcloud.com', 'console.eu.jumpcloud.com']);
  });

  it('secrets with reserved characters survive the Basic encoding', async () => {
    const { clientId, clientSecret } = mock().addServiceAccount({ clientSecret: 'p+ss:w/rd%41~-end' });
    expect((await jumpcloudServiceAccount.test({ clientId, clientSecret, region: 'us' }, ctx)).ok).toBe(true);
  });

  it('sends x-org-id when an organization is set', async () => {
    const { clientId, clientSecret, org } = mock().addServiceAccount();
    expect((await jumpcloudServiceAccount.test({ clientId, clientSecret, region: 'us', orgId: org.id }, ctx)).ok).toBe(true);
    expect(env.server.requests.at(-1)!.headers['x-org-id']).toBe(org.id);
  });

  it('rotation: both secrets work; a deleted or expired secret is invalid', async () => {
    const { clientId, clientSecret } = mock().addServiceAccount();
    const second = mock().addSecret(clientId);
    expect((await jumpcloudServiceAccount.test({ clientId, clientSecret: second, region: 'us' }, ctx)).ok).toBe(true);
    mock().deleteSecret(clientId, clientSecret);
    const deleted = await jumpcloudServiceAccount.test({ clientId, clientSecret, region: 'us' }, ctx);
    expect(deleted).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(stepsOf(deleted)).toEqual(['Token request 401']);

    const expired = mock().addServiceAccount({ secretLifetimeDays: 0 });
    expect((await jumpcloudServiceAccount.test({ ...expired, region: 'us' }, ctx)).code).toBe('INVALID_CREDENTIALS');
  });

  it('an account from another region: invalid, naming the region tried', async () => {
    const { clientId, clientSecret } = mock().addServiceAccount({ region: 'eu' });
    const report = await jumpcloudServiceAccount.test({ clientId, clientSecret, region: 'us' }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(report.message).toMatch(/tried US, so check the region/);
    expect(report.message).not.toContain(clientSecret);
  });

  it('429 on the token endpoint → RATE_LIMITED', async () => {
    const { clientId, clientSecret } = mock().addServiceAccount();
    mock().rateLimit({ target: 'token', retryAfter: 7 });
    const report = await jumpcloudServiceAccount.test({ clientId, clientSecret, region: 'us' }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'RATE_LIMITED', details: { retryAfter: 7 } });
  });
});

describe('mock strictness', () => {
  const token = 'https://admin-oauth.id.jumpcloud.com/oauth2/token';
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const raw = (url: string, init: RequestInit = {}) => fetchVia(env.server.port)(url, init);

  it('token endpoint: POST, form body, Basic auth, client_credentials and scope=api only', async () => {
    const { clientId, clientSecret } = mock().addServiceAccount();
    const auth = basic(clientId, clientSecret);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const cases: [RequestInit, number, string][] = [
      [{ method: 'GET', headers: { authorization: auth } }, 405, 'invalid_request'],
      [{ method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: '{"grant_type":"client_credentials","scope":"api"}' }, 400, 'invalid_request'],
      [{ method: 'POST', headers: form, body: 'grant_type=client_credentials&scope=api' }, 401, 'invalid_client'],
      [{ method: 'POST', headers: form, body: `grant_type=client_credentials&scope=api&client_id=${clientId}&client_secret=${clientSecret}` }, 401, 'invalid_client'],
      [{ method: 'POST', headers: { ...form, authorization: 'Basic !!!' }, body: 'grant_type=client_credentials&scope=api' }, 400, 'invalid_request'],
      [{ method: 'POST', headers: { ...form, authorization: auth }, body: 'scope=api' }, 400, 'invalid_request'],
      [{ method: 'POST', headers: { ...form, authorization: auth }, body: 'grant_type=password&scope=api' }, 400, 'unsupported_grant_type'],
      [{ method: 'POST', headers: { ...form, authorization: auth }, body: 'grant_type=client_credentials' }, 400, 'invalid_scope'],
      [{ method: 'POST', headers: { ...form, authorization: auth }, body: 'grant_type=client_credentials&scope=admin' }, 400, 'invalid_scope'],
      [{ method: 'POST', headers: { ...form, authorization: basic(clientId, 'wrong-secret-value') }, body: 'grant_type=client_credentials&scope=api' }, 401, 'invalid_client'],
    ];
    for (const [init, status, error] of cases) {
      const response = await raw(token, init);
      expect([init.body, response.status, ((await response.json()) as { error: string }).error]).toEqual([init.body, status, error]);
      if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
  });

  it('console API: auth, paging and method are checked; errors have JumpCloud bodies', async () => {
    const { key } = mock().addApiKey();
    const { clientId, clientSecret } = mock().addServiceAccount({ region: 'eu' });
    const euToken = (await (
      await raw('https://admin-oauth.id.eu.jumpcloud.com/oauth2/token', {
        method: 'POST',
        headers: { authorization: basic(clientId, clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&scope=api',
      })
    ).json()) as { access_token: string };
    const users = 'https://console.jumpcloud.com/api/systemusers?limit=1&skip=0';
    const cases: [string, RequestInit, number, object][] = [
      [users, {}, 401, { error: 'Unauthorized', message: 'Unauthorized: api key user not found' }],
      [users, { headers: { authorization: `Bearer ${euToken.access_token}` } }, 401, { message: 'Unauthorized: api key user not found' }],
      [`https://console.eu.jumpcloud.com/api/systemusers`, { headers: { authorization: `Bearer ${euToken.access_token}` } }, 200, { totalCount: 3 }],
      [users, { method: 'POST', headers: { 'x-api-key': key } }, 405, { message: 'Method Not Allowed' }],
      ['https://console.jumpcloud.com/api/systemusers?limit=500', { headers: { 'x-api-key': key } }, 400, {}],
      [users, { headers: { 'x-api-key': key, 'x-org-id': 'not-an-org' } }, 400, {}],
      [users, { headers: { 'x-api-key': key, 'x-org-id': 'ffffffffffffffffffffffff' } }, 401, { message: 'Unauthorized' }],
      ['https://console.jumpcloud.com/api/nothing', { headers: { 'x-api-key': key } }, 404, {}],
    ];
    for (const [url, init, status, body] of cases) {
      const response = await raw(url, init);
      expect([url, response.status]).toEqual([url, status]);
      expect(await response.json()).toMatchObject(body);
    }
    mock().expireTokens();
    expect((await raw('https://console.eu.jumpcloud.com/api/systemusers', { headers: { authorization: `Bearer ${euToken.access_token}` } })).status).toBe(401);
  });

  it('serves the fixture console on every console host, and nothing on the token hosts', async () => {
    for (const host of ['console.jumpcloud.com', 'console.eu.jumpcloud.com', 'console.in.jumpcloud.com']) {
      const response = await raw(`https://${host}/`);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('<title>JumpCloud Admin Portal</title>');
    }
    expect((await raw('https://admin-oauth.id.jumpcloud.com/')).status).toBe(404);
  });
});
