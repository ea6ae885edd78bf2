// The Jamf Pro test against the strict mock server over real HTTPS (on the real hostnames):
// proves the client and the mock agree on every call, success and failure.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { DEMO_CLIENTS, JAMF_BASE_URLS } from '../../../tests/mock-vendors/jamf-pro';
import type { HttpClient } from '../../http/http-client';
import type { TestReport } from '../types';
import { confirmJamfPro } from './confirm';
import { jamfProCredential } from './jamf-pro';
import { jamfProTemplates } from './privileges';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
beforeAll(async () => {
  env = await startMocksWithClient();
});
afterAll(() => env.close());
beforeEach(() => env.jamf.reset());

const inventory = jamfProTemplates[0].privileges;
const cloud = JAMF_BASE_URLS.cloud;

function run(values: { baseUrl: string; clientId: string; clientSecret: string }, options: { template?: string; http?: HttpClient } = {}) {
  return jamfProCredential.test(jamfProCredential.values.parse(values), { http: options.http ?? env.http, template: options.template, now: Date.now });
}

function valuesOf(client: { clientId: string; clientSecret: string | null }, baseUrl: string = cloud) {
  return { baseUrl, clientId: client.clientId, clientSecret: client.clientSecret ?? '' };
}

/** No secret, no token issued by the mock, and no response body text in what Keyhold says. */
function expectClean(report: TestReport, secret: string) {
  const text = JSON.stringify(report);
  expect(text).not.toContain(secret);
  expect(text).not.toContain('eyJ'); // every token the mock issues is a JWT
  expect(text).not.toMatch(/invalid_client|INVALID_TOKEN|httpStatus/);
}

describe('a working client', () => {
  it('reports version, lifetime and every privilege, and revokes its token', async () => {
    const client = env.jamf.addClient({ privileges: inventory, lifetime: 600 });
    const report = await run(valuesOf(client));
    expect(report.ok).toBe(true);
    expect(report.message).toBe('Jamf Pro 11.10.1, token valid 10 min, 6 of 6 privileges granted.');
    expect(report.tokenExpiresIn).toBe(599);
    expect(report.details).toMatchObject({ version: '11.10.1-t1728390485', tokenEndpoint: '/api/v1/oauth/token', tokenRevoked: true });
    expect(report.permissions).toEqual(inventory.map((name) => ({ name, granted: true })));
    expect(report.steps.map((step) => [step.name, step.ok, step.status])).toEqual([
      ['Get a token (POST /api/v1/oauth/token)', true, 200],
      ['Read the server version (GET /api/v1/jamf-pro-version)', true, 200],
      ['Check Read Computers (GET /api/v1/computers-inventory)', true, 200],
      ['Check Read Mobile Devices (GET /api/v2/mobile-devices)', true, 200],
      ['Check Read Buildings (GET /api/v1/buildings)', true, 200],
      ['Check Read Departments (GET /api/v1/departments)', true, 200],
      ['Check Read Smart Computer Groups + Read Static Computer Groups (GET /api/v1/computer-groups)', true, 200],
      ['Revoke the token (POST /api/v1/auth/invalidate-token)', true, 204],
    ]);
    for (const step of report.steps) expect(step.ms).toBeGreaterThanOrEqual(0);
    expect(env.jamf.issuedTokens()).toHaveLength(1);
    expect(env.jamf.liveTokens()).toHaveLength(0);
    expectClean(report, client.clientSecret!);
  });

  it('sends the token request the way Jamf expects it', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    await run(valuesOf(client));
    const tokenCall = env.server.requests.findLast((request) => request.path === '/api/v1/oauth/token')!;
    expect(tokenCall.method).toBe('POST');
    expect(tokenCall.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(tokenCall.form!)).toEqual({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
    const probe = env.server.requests.findLast((request) => request.path === '/api/v1/computers-inventory')!;
    expect(probe.query.get('page-size')).toBe('1');
    expect(probe.headers.authorization).toMatch(/^Bearer eyJ/);
  });

  it('checks every known privilege for the Custom template', async () => {
    const client = env.jamf.addClient({ privileges: [...inventory, 'Read API Roles'] });
    const report = await run(valuesOf(client), { template: 'custom' });
    expect(report.ok).toBe(true);
    expect(report.permissions?.map((row) => row.name)).toEqual([...inventory, 'Read API Roles']);
    expect(report.message).toContain('7 of 7 privileges granted');
  });

  it('works on a self-hosted server with a port and a context path', async () => {
    const client = env.jamf.addClient({ host: 'jamf.example.org', privileges: inventory, lifetime: 1800 });
    const report = await run(valuesOf(client, 'https://jamf.example.org:8443/jamf/'));
    expect(report.ok).toBe(true);
    expect(report.message).toBe('Jamf Pro 11.9.1, token valid 30 min, 6 of 6 privileges granted.');
    expect(env.server.requests.at(-1)).toMatchObject({ host: 'jamf.example.org', port: '8443', path: '/jamf/api/v1/auth/invalidate-token' });
  });

  it('falls back to /api/oauth/token on a server without the v1 path', async () => {
    env.jamf.setLegacyTokenPathOnly(true);
    const client = env.jamf.addClient({ privileges: inventory });
    const report = await run(valuesOf(client));
    expect(report.ok).toBe(true);
    expect(report.steps.slice(0, 2).map((step) => [step.name, step.status])).toEqual([
      ['Get a token (POST /api/v1/oauth/token)', 404],
      ['Get a token (POST /api/oauth/token)', 200],
    ]);
    expect(report.details?.tokenEndpoint).toBe('/api/oauth/token');
  });

  it('falls back to /v3/computers-inventory on a server without v1', async () => {
    env.jamf.setInventoryApis(['v3']);
    const client = env.jamf.addClient({ privileges: inventory });
    const report = await run(valuesOf(client));
    expect(report.permissions?.[0]).toEqual({ name: 'Read Computers', granted: true });
    expect(report.steps.filter((step) => step.name.includes('computers-inventory')).map((step) => step.status)).toEqual([404, 200]);
  });

  it('leaves a privilege unchecked when the server has no endpoint for it', async () => {
    env.jamf.setInventoryApis([]);
    const client = env.jamf.addClient({ privileges: inventory });
    const report = await run(valuesOf(client));
    expect(report.ok).toBe(true);
    expect(report.message).toContain('5 of 5 privileges granted. Not checked (this server has no endpoint Keyhold can read for it): Read Computers.');
    expect(report.details?.uncheckedPrivileges).toEqual(['Read Computers']);
  });
});

describe('missing privileges are information, not failure', () => {
  it('names the one privilege the role lacks', async () => {
    const client = env.jamf.addClient({ privileges: inventory.filter((name) => name !== 'Read Departments'), lifetime: 600 });
    const report = await run(valuesOf(client));
    expect(report.ok).toBe(true);
    expect(report.message).toBe('Jamf Pro 11.10.1, token valid 10 min, 5 of 6 privileges granted (missing: Read Departments).');
    expect(report.permissions).toContainEqual({ name: 'Read Departments', granted: false });
    expect(report.steps.find((step) => step.name.includes('departments'))).toMatchObject({ ok: false, status: 403 });
  });

  it('pins a computer-groups refusal on the static privilege when smart groups are readable', async () => {
    const client = env.jamf.addClient({ privileges: inventory.filter((name) => name !== 'Read Static Computer Groups') });
    const report = await run(valuesOf(client));
    expect(report.permissions).toContainEqual({ name: 'Read Smart Computer Groups', granted: true });
    expect(report.permissions).toContainEqual({ name: 'Read Static Computer Groups', granted: false });
    expect(report.message).toContain('(missing: Read Static Computer Groups)');
  });

  it('leaves the static privilege unchecked when smart groups are refused too', async () => {
    const client = env.jamf.addClient({ privileges: inventory.filter((name) => name !== 'Read Smart Computer Groups') });
    const report = await run(valuesOf(client));
    expect(report.permissions).toContainEqual({ name: 'Read Smart Computer Groups', granted: false });
    expect(report.permissions?.some((row) => row.name === 'Read Static Computer Groups')).toBe(false);
    expect(report.details?.uncheckedPrivileges).toEqual(['Read Static Computer Groups']);
  });

  it('still works with no privilege at all', async () => {
    const client = env.jamf.addClient({ privileges: [] });
    const report = await run(valuesOf(client));
    expect(report.ok).toBe(true);
    expect(report.message).toContain('0 of 5 privileges granted');
  });
});

describe('failures in plain words', () => {
  const invalid = 'refused the client ID and secret: wrong client ID or secret, the secret was rotated, or the client is disabled.';

  it('a wrong secret', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    const wrong = 'x'.repeat(20) + client.clientSecret!.slice(20);
    const report = await run({ ...valuesOf(client), clientSecret: wrong });
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS', message: `acme.jamfcloud.com ${invalid}` });
    expect(report.steps).toEqual([expect.objectContaining({ name: 'Get a token (POST /api/v1/oauth/token)', ok: false, status: 401 })]);
    expectClean(report, wrong);
  });

  it('a rotated secret, then the new one', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    const old = client.clientSecret!;
    const fresh = env.jamf.rotateSecret(client.clientId);
    expect((await run({ ...valuesOf(client), clientSecret: old })).code).toBe('INVALID_CREDENTIALS');
    expect((await run({ ...valuesOf(client), clientSecret: fresh })).ok).toBe(true);
  });

  it('a disabled client', async () => {
    const client = env.jamf.addClient({ privileges: inventory, enabled: false });
    expect(await run(valuesOf(client))).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
  });

  it('an unknown client ID', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    expect((await run({ ...valuesOf(client), clientId: '00000000-0000-4000-8000-000000000000' })).code).toBe('INVALID_CREDENTIALS');
  });

  it('a wrong context path', async () => {
    const client = env.jamf.addClient({ host: 'jamf.example.org', privileges: inventory });
    const report = await run(valuesOf(client, 'https://jamf.example.org:8443/jss'));
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
    expect(report.message).toBe(
      'No Jamf Pro token endpoint answers at https://jamf.example.org:8443/jss: check the server URL and its context path (API clients need Jamf Pro 10.49 or later).',
    );
    expect(report.steps.map((step) => step.status)).toEqual([404, 404]);
  });

  it('a sign-in page in front of the API', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    env.jamf.fault({ kind: 'html' }, { path: '/v1/oauth/token' });
    const report = await run(valuesOf(client));
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
    expect(report.message).toBe('acme.jamfcloud.com answered the token request with a web page instead of Jamf Pro API data: check the server URL and its context path.');
  });

  it('rate limiting, with the wait', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    env.jamf.fault({ kind: 'rate-limit', retryAfter: 42 }, { path: '/v1/oauth/token' });
    const report = await run(valuesOf(client));
    expect(report).toMatchObject({ ok: false, code: 'RATE_LIMITED', details: { retryAfter: 42 } });
    expect(report.message).toContain('try again in 42 s');
  });

  it('a server error after the token still revokes the token', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    env.jamf.fault({ kind: 'server-error', status: 503 }, { path: '/v1/jamf-pro-version' });
    const report = await run(valuesOf(client));
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
    expect(report.message).toContain('server error');
    expect(report.steps.at(-1)).toMatchObject({ name: 'Revoke the token (POST /api/v1/auth/invalidate-token)', status: 204 });
    expect(env.jamf.liveTokens()).toHaveLength(0);
  });

  it('a probe failing for another reason fails the test but keeps the other rows out', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    env.jamf.fault({ kind: 'server-error' }, { path: '/v1/buildings' });
    const report = await run(valuesOf(client));
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
    expect(report.message).toContain('the Read Buildings check');
    expect(env.jamf.liveTokens()).toHaveLength(0);
  });

  it('a server that does not answer in time', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    env.jamf.fault({ kind: 'delay', ms: 1500 }, { path: '/v1/oauth/token' });
    const quick: HttpClient = (url, request) => env.http(url, { ...request, timeoutMs: 600 });
    const report = await run(valuesOf(client), { http: quick });
    expect(report).toMatchObject({ ok: false, code: 'TIMEOUT', message: 'acme.jamfcloud.com did not answer within 1 second.' });
  });

  it('a dropped connection', async () => {
    const client = env.jamf.addClient({ privileges: inventory });
    env.jamf.fault({ kind: 'reset' }, { path: '/v1/oauth/token' });
    const report = await run(valuesOf(client));
    expect(report.code).toBe('NETWORK_ERROR');
    expect(report.message).toContain('certificate is not trusted by the browser');
  });

  it('a failed revoke is reported but does not fail the verdict', async () => {
    const client = env.jamf.addClient({ privileges: inventory, lifetime: 600 });
    env.jamf.fault({ kind: 'server-error' }, { path: '/v1/auth/invalidate-token' });
    const report = await run(valuesOf(client));
    expect(report.ok).toBe(true);
    expect(report.details?.tokenRevoked).toBe(false);
    expect(report.message).toMatch(/could not revoke its test token; it lapses on its own within 10 min\.$/);
  });
});

describe('the demo client', () => {
  it('has no secret until the page generates one, then works', async () => {
    const demo = env.jamf.client(DEMO_CLIENTS['acme.jamfcloud.com'].clientId);
    expect(demo.clientSecret).toBeNull();
    const secret = env.jamf.rotateSecret(demo.clientId);
    const report = await run({ baseUrl: cloud, clientId: demo.clientId, clientSecret: secret });
    expect(report.message).toBe('Jamf Pro 11.10.1, token valid 10 min, 6 of 6 privileges granted.');
  });
});

describe('confirmJamfPro', () => {
  it('recognises Jamf Pro by its 401 envelope, with or without a context path', async () => {
    expect(await confirmJamfPro(cloud, env.http)).toBe(true);
    expect(await confirmJamfPro('https://jamf.example.org:8443/jamf/', env.http)).toBe(true);
  });

  it('says no for a wrong context path, another server, or an unreachable one', async () => {
    expect(await confirmJamfPro('https://jamf.example.org:8443', env.http)).toBe(false);
    expect(await confirmJamfPro('https://nowhere.example.test', env.http)).toBe(false);
    env.jamf.fault({ kind: 'reset' }, { path: '/v1/jamf-pro-version' });
    expect(await confirmJamfPro(cloud, env.http)).toBe(false);
  });
});
