// How JumpCloud failures become Keyhold verdicts: a table per call, run against canned responses.
import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http/http-client';
import type { TestContext } from '../types';
import { tokenFailure } from './api';
import { jumpcloudApiKey } from './api-key';
import { jumpcloudServiceAccount } from './service-account';

const KEY = 'jca_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78';
const SECRET = 'Zq7-Kp2~Lm9xWv4-Rt8~Ny3sHb';
const ORG = '5f91c8695e980f0001c44611';
const OTHER_ORG = '64b7f0c2a1b2c3d4e5f60799';

interface Canned {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function response(url: string, canned: Canned): HttpResponse {
  const text = canned.body === undefined ? '' : typeof canned.body === 'string' ? canned.body : JSON.stringify(canned.body);
  const isHtml = typeof canned.body === 'string' && canned.body.startsWith('<');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { url, status: canned.status, headers: new Headers(canned.headers), text, ms: 3, json, isHtml };
}

/** An HttpClient answering by path; records what it was asked. */
function fakeHttp(routes: Record<string, Canned>) {
  const calls: { url: string; request: HttpRequest }[] = [];
  const http: HttpClient = async (url, request = {}) => {
    calls.push({ url, request });
    const path = new URL(url).pathname;
    const canned = routes[path];
    if (!canned) throw new Error(`unexpected call to ${url}`);
    return response(url, canned);
  };
  return { http, calls, ctx: { http, now: () => Date.now() } satisfies TestContext };
}

const users = { status: 200, body: { totalCount: 7, results: [{ _id: 'x' }] } };
const groups = { status: 200, body: [{ id: 'g', type: 'system_group' }] };
const orgs = { status: 200, body: { totalCount: 2, results: [{ _id: ORG, displayName: 'Acme Corp' }, { _id: OTHER_ORG.toUpperCase(), displayName: 'Globex' }, { _id: 'bad' }] } };
const keyNotFound = { status: 401, body: { error: 'Unauthorized', message: 'Unauthorized: api key user not found' } };
const noOrg = { status: 401, body: { message: 'Unauthorized: no organization selected' } };

describe('API key test: failures of the console API', () => {
  const table: { name: string; orgId?: string; routes: Record<string, Canned>; code: string; message: RegExp[]; ok?: false }[] = [
    {
      name: 'unknown key (regenerated, expired, removed admin, or other region)',
      routes: { '/api/systemusers': keyNotFound },
      code: 'INVALID_CREDENTIALS',
      message: [/the key was regenerated, expired, or its admin was removed/, /tried EU/, /check the region/],
    },
    { name: 'older bare 401 body', routes: { '/api/systemusers': { status: 401, body: { message: 'Unauthorized' } } }, code: 'INVALID_CREDENTIALS', message: [/tried EU/] },
    {
      name: 'multi-tenant key without organization',
      routes: { '/api/systemusers': noOrg, '/api/organizations': orgs },
      code: 'ORGANIZATION_REQUIRED',
      message: [/organization/, /Pick one of the 2 organizations/],
    },
    {
      name: 'multi-tenant key whose organizations cannot be listed',
      routes: { '/api/systemusers': noOrg, '/api/organizations': { status: 403, body: { message: 'Forbidden' } } },
      code: 'ORGANIZATION_REQUIRED',
      message: [/Enter the organization ID/],
    },
    {
      name: 'organization the key cannot reach',
      orgId: 'ffffffffffffffffffffffff',
      routes: { '/api/systemusers': { status: 401, body: { message: 'Unauthorized' } }, '/api/organizations': orgs },
      code: 'ORGANIZATION_REQUIRED',
      message: [/cannot reach organization ffffffffffffffffffffffff/],
    },
    {
      name: 'organization set but the key itself is unknown',
      orgId: ORG,
      routes: { '/api/systemusers': keyNotFound, '/api/organizations': keyNotFound },
      code: 'INVALID_CREDENTIALS',
      message: [/regenerated/],
    },
    { name: 'role cannot read users', routes: { '/api/systemusers': { status: 403, body: { message: 'Forbidden' } } }, code: 'PERMISSION_DENIED', message: [/role does not allow reading users/] },
    {
      name: 'rate limited',
      routes: { '/api/systemusers': { status: 429, body: { message: 'Too Many Requests' }, headers: { 'retry-after': '12' } } },
      code: 'RATE_LIMITED',
      message: [/try again in 12 s/],
    },
    { name: 'server error', routes: { '/api/systemusers': { status: 502, body: { message: 'Bad Gateway' } } }, code: 'UNEXPECTED_RESPONSE', message: [/server error/] },
    { name: 'HTML instead of JSON', routes: { '/api/systemusers': { status: 200, body: '<!doctype html><html></html>' } }, code: 'UNEXPECTED_RESPONSE', message: [/web page/] },
    { name: 'JSON of the wrong shape', routes: { '/api/systemusers': { status: 200, body: { users: [] } } }, code: 'UNEXPECTED_RESPONSE', message: [/does not recognise/] },
    {
      name: 'rate limited on the second probe',
      routes: { '/api/systemusers': users, '/api/v2/systemgroups': { status: 429, headers: { 'retry-after': '5' } } },
      code: 'RATE_LIMITED',
      message: [/5 s/],
    },
  ];

  it.each(table)('$name → $code', async ({ orgId, routes, code, message }) => {
    const { ctx } = fakeHttp(routes);
    const report = await jumpcloudApiKey.test({ apiKey: KEY, region: 'eu', orgId }, ctx);
    expect(report.ok).toBe(false);
    expect(report.code).toBe(code);
    for (const pattern of message) expect(report.message).toMatch(pattern);
    expect(report.message).not.toContain(KEY);
    expect(report.message).not.toMatch(/api key user not found|no organization selected/);
  });

  it('lists organizations for the picker: valid 24-hex IDs only, lower-cased, without x-org-id', async () => {
    const { ctx, calls } = fakeHttp({ '/api/systemusers': noOrg, '/api/organizations': orgs });
    const report = await jumpcloudApiKey.test({ apiKey: KEY, region: 'us' }, ctx);
    expect(report.details?.organizations).toEqual([
      { id: ORG, name: 'Acme Corp' },
      { id: OTHER_ORG, name: 'Globex' },
    ]);
    expect(report.details?.organizationsTotal).toBeUndefined();
    expect(calls[1].url).toBe('https://console.jumpcloud.com/api/organizations?limit=100&skip=0');
    expect(calls[1].request.headers).toEqual({ 'x-api-key': KEY });
    expect(report.steps.map((step) => [step.name, step.status])).toEqual([
      ['List users', 401],
      ['List organizations', 200],
    ]);
  });

  it('a refused second probe is a permission row, not a failure', async () => {
    const { ctx } = fakeHttp({ '/api/systemusers': users, '/api/v2/systemgroups': { status: 403, body: { message: 'Forbidden' } } });
    const report = await jumpcloudApiKey.test({ apiKey: KEY, region: 'in' }, ctx);
    expect(report.ok).toBe(true);
    expect(report.permissions).toEqual([
      { name: 'Read users', granted: true },
      { name: 'Read device groups', granted: false },
    ]);
    expect(report.message).toBe('The API key works in JumpCloud IN: it listed users (7 in total); its role does not allow listing device groups.');
  });
});

describe('service account test: failures of the token request', () => {
  const table: { name: string; canned: Canned; code: string; message: RegExp }[] = [
    { name: 'invalid_client (401)', canned: { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed.' } }, code: 'INVALID_CREDENTIALS', message: /tried EU, so check the region/ },
    { name: 'invalid_client (400)', canned: { status: 400, body: { error: 'invalid_client' } }, code: 'INVALID_CREDENTIALS', message: /secret was deleted or expired/ },
    { name: 'bare 401', canned: { status: 401 }, code: 'INVALID_CREDENTIALS', message: /Client ID or Client Secret/ },
    { name: 'invalid_scope', canned: { status: 400, body: { error: 'invalid_scope' } }, code: 'PERMISSION_DENIED', message: /invalid_scope/ },
    { name: 'invalid_request', canned: { status: 400, body: { error: 'invalid_request' } }, code: 'UNEXPECTED_RESPONSE', message: /\(invalid_request\)/ },
    { name: 'unsupported_grant_type', canned: { status: 400, body: { error: 'unsupported_grant_type' } }, code: 'UNEXPECTED_RESPONSE', message: /unsupported_grant_type/ },
    { name: 'unknown error code is not echoed', canned: { status: 400, body: { error: 'secret_leak_attempt' } }, code: 'UNEXPECTED_RESPONSE', message: /unexpected answer/ },
    { name: 'rate limited', canned: { status: 429, headers: { 'retry-after': '30' } }, code: 'RATE_LIMITED', message: /30 s/ },
    { name: 'server error', canned: { status: 503 }, code: 'UNEXPECTED_RESPONSE', message: /server error/ },
    { name: 'HTML page', canned: { status: 403, body: '<html><body>Access denied</body></html>' }, code: 'UNEXPECTED_RESPONSE', message: /web page/ },
  ];

  it.each(table)('$name → $code', ({ canned, code, message }) => {
    const error = tokenFailure(response('https://admin-oauth.id.eu.jumpcloud.com/oauth2/token', canned), 'eu');
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('secret_leak_attempt');
  });

  it('stops at a token answer without a bearer token', async () => {
    const { ctx } = fakeHttp({ '/oauth2/token': { status: 200, body: { token_type: 'bearer', expires_in: 3599 } } });
    const report = await jumpcloudServiceAccount.test({ clientId: 'sa_68d11d62e6adb60001a8121d', clientSecret: SECRET, region: 'us' }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
    expect(report.steps).toHaveLength(1);
  });

  it('a 401 on the reads right after a token was issued is explained, not blamed on the region', async () => {
    const { ctx } = fakeHttp({
      '/oauth2/token': { status: 200, body: { access_token: 'TOKEN-VALUE-123', token_type: 'bearer', expires_in: 3599 } },
      '/api/systemusers': keyNotFound,
    });
    const report = await jumpcloudServiceAccount.test({ clientId: 'sa_68d11d62e6adb60001a8121d', clientSecret: SECRET, region: 'us' }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS', tokenExpiresIn: 3599 });
    expect(report.message).toMatch(/just issued/);
    expect(report.message).not.toContain('TOKEN-VALUE-123');
  });
});
