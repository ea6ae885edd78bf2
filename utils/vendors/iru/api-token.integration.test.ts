// The real test() against the strict Iru mock on the real hostnames (TLS, Host header, SNI):
// proves the client and the mock agree, and that a test stays within the shared hourly budget.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchVia, startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { PERMISSION_DENIED_BODY } from '../../../tests/mock-vendors/iru';
import { MAX_REQUESTS, iruApiToken } from './api-token';
import type { TestReport } from '../types';

const INVENTORY = ['Device list', 'Device details', 'Application list', 'List Blueprints'];
const UNKNOWN_TOKEN = '11111111-2222-4333-8444-555555555555';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
let rawFetch: typeof fetch;
beforeAll(async () => {
  env = await startMocksWithClient();
  rawFetch = fetchVia(env.server.port);
});
afterAll(() => env.close());
beforeEach(() => env.iru.reset());

async function test(apiUrl: string, token: string, template?: string): Promise<TestReport> {
  const report = await iruApiToken.test(iruApiToken.values.parse({ apiUrl, token }), { http: env.http, template, now: Date.now });
  expect(JSON.stringify(report)).not.toContain(token);
  return report;
}

function withinBudget(host: string, report: TestReport) {
  expect(env.iru.requestCount(host)).toBeLessThanOrEqual(MAX_REQUESTS);
  expect(report.steps.length).toBe(env.iru.requestCount(host));
}

describe('a working token', () => {
  it.each([
    ['acme.api.kandji.io', 'acme.kandji.io'],
    ['acme.api.eu.kandji.io', 'acme.eu.kandji.io (EU)'],
    ['acme.api.iru.com', 'acme.iru.com'],
  ])('passes on %s (%s) with timings and every permission', async (apiHost) => {
    const token = env.iru.addToken({ apiHost, permissions: INVENTORY });
    const report = await test(`https://${apiHost}/api/v1/`, token, 'inventory');
    expect(report).toMatchObject({
      ok: true,
      message: `The token works on ${apiHost} and has all 4 permissions the Inventory template needs.`,
    });
    expect(report.permissions).toEqual(INVENTORY.map((name) => ({ name, granted: true })));
    expect(report.steps.map((s) => [s.name, s.ok, s.status])).toEqual([
      ['List devices', true, 200],
      ['Get device details', true, 200],
      ['Get device apps', true, 200],
      ['List Blueprints', true, 200],
    ]);
    expect(report.steps.every((s) => Number.isInteger(s.ms) && s.ms >= 0)).toBe(true);
    expect(report.tokenExpiresIn).toBeUndefined();
    expect(report.details).toMatchObject({
      tokenLifetime: 'until revoked',
      sharedHourlyLimit: 10_000,
      requests: 4,
      deviceProbe: 'first listed device',
    });
    withinBudget(apiHost, report);
  });

  it('needs one call for the Device list template', async () => {
    const token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: ['Device list'] });
    const report = await test('acme.api.kandji.io', token);
    expect(report.ok).toBe(true);
    expect(report.permissions).toEqual([{ name: 'Device list', granted: true }]);
    expect(env.iru.requestCount('acme.api.kandji.io')).toBe(1);
  });

  it('reports timings that include the server latency', async () => {
    const token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: ['Device list'] });
    env.iru.delay('acme.api.kandji.io', 120);
    const report = await test('acme.api.kandji.io', token);
    expect(report.steps[0].ms).toBeGreaterThanOrEqual(110);
  });

  it('checks by-ID permissions on an empty fleet with a placeholder ID', async () => {
    env.iru.clearDevices('acme.api.kandji.io');
    const token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: ['Device list', 'Device details', 'List Blueprints'] });
    const report = await test('acme.api.kandji.io', token, 'inventory');
    expect(report.ok).toBe(true);
    expect(report.permissions).toEqual([
      { name: 'Device list', granted: true },
      { name: 'Device details', granted: true },
      { name: 'Application list', granted: false },
      { name: 'List Blueprints', granted: true },
    ]);
    expect(report.details?.deviceProbe).toMatch(/placeholder/);
  });
});

describe('failures the issue lists', () => {
  it('a token lacking one permission: valid, with a refused permission row', async () => {
    const token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: ['Device list', 'Device details', 'List Blueprints'] });
    const report = await test('acme.api.kandji.io', token, 'inventory');
    expect(report.ok).toBe(true);
    expect(report.message).toMatch(/lacks 1 permission the Inventory template needs: Application list/);
    expect(report.permissions?.find((p) => p.name === 'Application list')).toEqual({ name: 'Application list', granted: false });
    expect(report.steps.find((s) => s.name === 'Get device apps')).toMatchObject({ ok: false, status: 403 });
    withinBudget('acme.api.kandji.io', report);
  });

  it('a bad token: rejected after a second opinion', async () => {
    const report = await test('acme.api.kandji.io', UNKNOWN_TOKEN);
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(report.steps.map((s) => s.status)).toEqual([401, 401]);
    expect(report.permissions).toEqual([{ name: 'Device list', granted: false }]);
    withinBudget('acme.api.kandji.io', report);
  });

  it('a revoked token', async () => {
    const token = env.iru.addToken({ apiHost: 'acme.api.iru.com', permissions: INVENTORY });
    env.iru.revoke(token);
    const report = await test('acme.api.iru.com', token, 'inventory');
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    withinBudget('acme.api.iru.com', report);
  });

  it('a token used on another tenant', async () => {
    const token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: INVENTORY });
    const report = await test('acme.api.eu.kandji.io', token, 'inventory');
    expect(report.code).toBe('INVALID_CREDENTIALS');
    expect(report.message).toMatch(/belongs to another tenant/);
  });

  it('a token saved with Skip (no permissions)', async () => {
    const token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: [] });
    for (const template of ['device-list', 'inventory']) {
      env.iru.resetRequestCounts();
      const report = await test('acme.api.kandji.io', token, template);
      expect(report).toMatchObject({ ok: false, code: 'PERMISSION_DENIED' });
      expect(report.message).toMatch(/no API permissions/);
      withinBudget('acme.api.kandji.io', report);
    }
  });

  it('a rate-limited tenant: stops at once, with Retry-After', async () => {
    const token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: INVENTORY });
    env.iru.rateLimit('acme.api.kandji.io', { retryAfter: 90 });
    const report = await test('acme.api.kandji.io', token, 'inventory');
    expect(report).toMatchObject({ ok: false, code: 'RATE_LIMITED', details: { retryAfter: 90 } });
    expect(report.message).toMatch(/shared by every token of the tenant\)\. Try again in 90 s/);
    expect(env.iru.requestCount('acme.api.kandji.io')).toBe(1);
  });

  it('a rate limit without Retry-After', async () => {
    const token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: INVENTORY });
    env.iru.rateLimit('acme.api.kandji.io', { retryAfter: null });
    const report = await test('acme.api.kandji.io', token);
    expect(report.code).toBe('RATE_LIMITED');
    expect(report.details?.retryAfter).toBeUndefined();
  });

  it('the hourly budget is shared by every token of the tenant', async () => {
    env.iru.setHourlyLimit('acme.api.kandji.io', 5);
    const first = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: INVENTORY });
    const second = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: INVENTORY });
    expect((await test('acme.api.kandji.io', first, 'inventory')).ok).toBe(true);
    const report = await test('acme.api.kandji.io', second, 'inventory');
    expect(report).toMatchObject({ ok: false, code: 'RATE_LIMITED', details: { retryAfter: 3600 } });
    expect(report.steps.map((s) => s.status)).toEqual([200, 429]);
  });

  it.each(['reset', 'not-found'] as const)('an unknown tenant host (%s) is a network error naming the host', async (mode) => {
    env.iru.unknownTenants(mode);
    const report = await test('nosuchtenant.api.kandji.io', UNKNOWN_TOKEN);
    expect(report).toMatchObject({ ok: false, code: 'NETWORK_ERROR' });
    expect(report.message).toMatch(/nosuchtenant\.api\.kandji\.io/);
    expect(report.message).toMatch(/API tokens page/);
    expect(report.steps).toHaveLength(1);
  });

  it('a server error and an HTML answer are unexpected responses', async () => {
    const token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: INVENTORY });
    env.iru.failWith('acme.api.kandji.io', 503);
    expect(await test('acme.api.kandji.io', token)).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
    env.iru.failWith('acme.api.kandji.io', null);
    env.iru.answerHtml('acme.api.kandji.io');
    const report = await test('acme.api.kandji.io', token);
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
    expect(report.message).toMatch(/web page instead of API data/);
  });
});

describe('the console pages create tokens the API accepts', () => {
  async function post(url: string, body: unknown) {
    const response = await rawFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it.each([
    [
      'https://acme.kandji.io',
      '/my-company/access',
      "Your organization's API URL is: <strong>acme.api.kandji.io</strong>",
      '/my-company/access/api-tokens',
    ],
    [
      'https://acme.iru.com',
      '/access/api-tokens',
      'Your organization’s API URL is: <strong>acme.api.iru.com</strong>',
      '/access/api-tokens',
    ],
  ])('%s: Add Token → Configure → Save → test', async (origin, listPath, apiLine, tokenBase) => {
    const list = await rawFetch(`${origin}${listPath}`);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(apiLine);
    expect(html).toContain('>Add Token</button>');

    const created = await post(`${origin}/__mock/iru/tokens`, { name: 'Keyhold – asset sync', description: 'IT' });
    expect(created.status).toBe(201);
    const token = created.json.token as string;
    const apiHost = new URL(origin).hostname.replace(/^acme\./, 'acme.api.');
    expect(env.iru.token(token)?.permissions.size).toBe(0);
    expect((await test(apiHost, token)).code).toBe('PERMISSION_DENIED');

    const page = await (await rawFetch(`${origin}${tokenBase}/${created.json.id}?edit=permissions`)).text();
    expect(page).toContain('value="Application list"');
    const saved = await post(`${origin}/__mock/iru/tokens/${created.json.id}/permissions`, {
      permissions: ['Device list', 'Device details', 'List Blueprints'],
    });
    expect(saved.status).toBe(200);
    const report = await test(apiHost, token, 'inventory');
    expect(report.ok).toBe(true);
    expect(report.permissions?.filter((p) => !p.granted).map((p) => p.name)).toEqual(['Application list']);
    expect(await (await rawFetch(`${origin}${listPath}`)).text()).toContain('Keyhold – asset sync');
  });

  it('presetPermissions() gives page-made tokens permissions from the start', async () => {
    env.iru.presetPermissions('acme.eu.kandji.io', ['Device list']);
    const created = await post('https://acme.eu.kandji.io/__mock/iru/tokens', { name: 'Preset' });
    expect((await test('acme.api.eu.kandji.io', created.json.token as string)).ok).toBe(true);
    env.iru.presetPermissions('acme.eu.kandji.io', null);
    const bare = await post('https://acme.eu.kandji.io/__mock/iru/tokens', { name: 'Bare' });
    expect(env.iru.token(bare.json.token as string)?.permissions.size).toBe(0);
  });

  it('redirects the other console generation’s route and serves the decoy pages', async () => {
    const moved = await rawFetch('https://acme.iru.com/my-company/access?display=input', { redirect: 'manual' });
    expect([moved.status, moved.headers.get('location')]).toEqual([302, '/access/api-tokens?display=input']);
    const devicesHtml = await (await rawFetch('https://acme.kandji.io/devices')).text();
    expect(devicesHtml).toContain(env.iru.tenant('acme.kandji.io').devices[0].id);
    expect((await rawFetch('https://nosuchtenant.kandji.io/devices')).status).toBe(404);
  });

  it('refuses unknown permissions and non-JSON calls on the mock-internal endpoints', async () => {
    const created = await post('https://acme.kandji.io/__mock/iru/tokens', { name: 'x' });
    expect(
      (await post(`https://acme.kandji.io/__mock/iru/tokens/${created.json.id}/permissions`, { permissions: ['Everything'] })).status,
    ).toBe(400);
    expect((await post('https://acme.kandji.io/__mock/iru/tokens', { name: '' })).status).toBe(400);
    expect((await rawFetch('https://acme.kandji.io/__mock/iru/tokens', { method: 'POST', body: 'name=x' })).status).toBe(400);
  });
});

describe('mock strictness', () => {
  const api = 'https://acme.api.kandji.io';
  let token: string;
  beforeEach(() => {
    token = env.iru.addToken({ apiHost: 'acme.api.kandji.io', permissions: ['Device list', 'List Blueprints'] });
  });
  const get = (path: string, headers: Record<string, string> = { Authorization: `Bearer ${token}` }) =>
    env.http(`${api}${path}`, { headers });

  it('401 without a bearer, with another scheme, or with a token it did not issue', async () => {
    const variants: Record<string, string>[] = [{}, { Authorization: `Basic ${btoa(`x:${token}`)}` }, { Authorization: `Token ${token}` }];
    for (const headers of variants) {
      const response = await get('/api/v1/devices?limit=1', headers);
      expect([response.status, response.json]).toEqual([401, { detail: 'Authentication credentials were not provided.' }]);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    for (const value of ['not-a-uuid', UNKNOWN_TOKEN, token.toUpperCase()]) {
      const response = await get('/api/v1/devices?limit=1', { Authorization: `Bearer ${value}` });
      expect([response.status, response.json]).toEqual([401, { detail: 'Invalid token.' }]);
    }
  });

  it('403 with Iru’s body for a permission the token lacks', async () => {
    const device = env.iru.tenant(api).devices[0].id;
    const response = await get(`/api/v1/devices/${device}/apps`);
    expect([response.status, response.json]).toEqual([403, PERMISSION_DENIED_BODY]);
  });

  it('405 for another method, 406 for a non-JSON Accept, 404 pages for unknown paths and devices', async () => {
    expect(
      (await env.http(`${api}/api/v1/devices`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, form: { a: '1' } })).status,
    ).toBe(405);
    expect((await get('/api/v1/devices', { Authorization: `Bearer ${token}`, Accept: 'text/html' })).status).toBe(406);
    const missing = await get('/api/v1/nothing');
    expect([missing.status, missing.isHtml]).toEqual([404, true]);
    env.iru.setPermissions(token, ['Device details']);
    expect((await get('/api/v1/devices/00000000-0000-0000-0000-000000000000/details')).status).toBe(404);
  });

  it('pages devices and Blueprints like the API', async () => {
    expect((await get('/api/v1/devices?limit=abc')).status).toBe(400);
    expect(((await get('/api/v1/devices?limit=2')).json as unknown[]).length).toBe(2);
    expect(((await get('/api/v1/devices?limit=500&offset=1')).json as unknown[]).length).toBe(2);
    const first = (await get('/api/v1/blueprints?limit=1')).json as Record<string, unknown>;
    expect(first).toMatchObject({ count: 2, next: `${api}/api/v1/blueprints?limit=1&offset=1`, previous: null });
    const second = (await get('/api/v1/blueprints?limit=1&offset=1')).json as Record<string, unknown>;
    expect(second).toMatchObject({ count: 2, next: null, previous: `${api}/api/v1/blueprints?limit=1` });
  });

  it('counts every call, refused or not, against the tenant', async () => {
    await get('/api/v1/devices?limit=1', {});
    await get('/api/v1/devices?limit=1');
    expect(env.iru.requestCount(api)).toBe(2);
    expect(env.iru.requestCount('acme.api.eu.kandji.io')).toBe(0);
  });
});
