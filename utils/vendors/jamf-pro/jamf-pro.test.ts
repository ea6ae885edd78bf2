import { describe, expect, it } from 'vitest';
import { KeyholdError } from '../../errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http/http-client';
import { duration } from './api-test';
import { jamfProGuide, privilegeListText } from './guide';
import { jamfPro } from './index';
import { guidesFor } from '../guide-registry';
import { jamfProCredential } from './jamf-pro';
import { jamfProDescription } from './description';
import { checkablePrivileges, jamfProTemplates } from './privileges';

const CLIENT_ID = '3F1C2B9E-7A4D-4E8B-9C2F-5D6A7B8C9D0E';
const SECRET = 'k7Qw_2nVx-9LmZpR4tYb8HcJd3FgS6aE1uKo0iWq5XrNe7MyTz2PvBsD4hGjLf9C';
const valid = { baseUrl: 'https://jamf.example.org:8443/jamf/', clientId: CLIENT_ID, clientSecret: SECRET };

describe('values', () => {
  it('normalises the base URL and trims', () => {
    expect(jamfProCredential.values.parse({ ...valid, clientId: ` ${CLIENT_ID} `, clientSecret: `${SECRET}\n` })).toEqual({
      baseUrl: 'https://jamf.example.org:8443/jamf',
      clientId: CLIENT_ID,
      clientSecret: SECRET,
    });
  });

  it.each([
    [{ ...valid, baseUrl: 'http://jamf.example.org' }, 'baseUrl', 'must start with https://'],
    [{ ...valid, baseUrl: 'https://jamf.example.org/?a=1' }, 'baseUrl', '"?" or "#"'],
    [{ ...valid, clientId: 'not-a-uuid' }, 'clientId', 'is a UUID'],
    [{ ...valid, clientSecret: '' }, 'clientSecret', 'Enter the client secret.'],
    [{ ...valid, clientSecret: 'abc def ghi jkl mno pqr' }, 'clientSecret', 'cannot contain spaces'],
    [{ ...valid, clientSecret: 'short' }, 'clientSecret', 'cut short'],
    [{ ...valid, clientSecret: 'x'.repeat(600) }, 'clientSecret', 'too long'],
    [{ baseUrl: valid.baseUrl, clientId: CLIENT_ID }, 'clientSecret', 'Enter the client secret.'],
  ])('rejects %j with a clear message', (values, field, message) => {
    const result = jamfProCredential.values.safeParse(values);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toContain(message);
    expect(JSON.stringify(result.error!.issues)).not.toContain(SECRET);
  });

  it('rejects unknown fields', () => {
    expect(jamfProCredential.values.safeParse({ ...valid, token: 'x' }).success).toBe(false);
  });
});

describe('metadata', () => {
  const values = jamfProCredential.values.parse(valid);

  it('identity = normalised base URL + lower-case client ID, whatever the input form', () => {
    expect(jamfProCredential.identity(values)).toBe('https://jamf.example.org:8443/jamf|3f1c2b9e-7a4d-4e8b-9c2f-5d6a7b8c9d0e');
    expect(jamfProCredential.identity({ ...valid, baseUrl: 'https://JAMF.example.org:8443/jamf//' })).toBe(jamfProCredential.identity(values));
  });

  it('origins, label and secret fields', () => {
    expect(jamfProCredential.origins(values)).toEqual(['https://jamf.example.org:8443']);
    expect(jamfProCredential.defaultLabel(values)).toBe('Jamf Pro · jamf.example.org:8443/jamf · client 3f1c2b9e');
    expect(jamfProCredential.secretFields).toEqual(['clientSecret']);
    expect(jamfProCredential.fields.filter((field) => field.secret).map((field) => field.name)).toEqual(['clientSecret']);
  });

  it('recognises a pasted Jamf Cloud address, not a bare UUID', () => {
    expect(jamfProDescription.recognisesPasted('Base URL: https://acme.jamfcloud.com\nClient ID: x')).toBe(true);
    expect(jamfProDescription.recognisesPasted(CLIENT_ID)).toBe(false);
    expect(jamfProDescription.recognisesPasted('https://acme.jamfcloud.com.evil.example')).toBe(false);
  });
});

describe('guide and templates', () => {
  it('has the steps currentStep reports, in order', () => {
    expect(jamfProGuide().steps.map((step) => step.id)).toEqual([
      'roles',
      'new-role',
      'clients',
      'new-client',
      'open-client',
      'generate-secret',
      'capture',
      'test',
    ]);
    expect(jamfProGuide().steps.filter((step) => step.capture).map((step) => step.id)).toEqual(['capture']);
    expect(guidesFor('jamf-pro')).toEqual([jamfProGuide()]);
    expect(jamfPro.credentialTypes.map((type) => type.id)).toEqual(['jamf-pro']);
  });

  it('the default template is device inventory, read-only; Custom covers every probe', () => {
    expect(jamfProCredential.templates[0]).toMatchObject({ id: 'device-inventory-read-only', name: 'Device inventory, read-only' });
    expect(privilegeListText(jamfProTemplates[0])).toBe(
      'Read Computers\nRead Mobile Devices\nRead Buildings\nRead Departments\nRead Smart Computer Groups\nRead Static Computer Groups',
    );
    expect(jamfProTemplates[1]).toMatchObject({ id: 'custom', privileges: checkablePrivileges });
    for (const template of jamfProTemplates) expect(template.id).toMatch(/^[a-z0-9-]{1,60}$/);
  });
});

// ---- Error classification: every answer the test can meet, with a canary in each body ----

const CANARY = 'CANARY-BODY-TEXT';
type Answer = { status: number; body?: unknown; html?: boolean; headers?: Record<string, string> } | KeyholdError;

function fakeHttp(answers: Record<string, Answer>): { http: HttpClient; calls: string[] } {
  const calls: string[] = [];
  const http: HttpClient = async (url: string, request: HttpRequest = {}) => {
    const path = new URL(url).pathname;
    calls.push(`${request.method ?? 'GET'} ${path}`);
    const answer = answers[path] ?? answers['*'] ?? { status: 200, body: { results: [], totalCount: 0 } };
    if (answer instanceof KeyholdError) throw answer;
    const text = answer.html ? `<!doctype html><html><body>${CANARY}</body></html>` : answer.body === undefined ? '' : JSON.stringify(answer.body);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const response: HttpResponse = { url, status: answer.status, headers: new Headers(answer.headers), text, ms: 1, json, isHtml: !!answer.html };
    return response;
  };
  return { http, calls };
}

const TOKEN_OK = { status: 200, body: { access_token: 'eyJ.token.sig', token_type: 'Bearer', expires_in: 599, scope: 'api-role:1' } };
const V1 = '/api/v1/oauth/token';
const LEGACY = '/api/oauth/token';
const VERSION = '/api/v1/jamf-pro-version';

async function runWith(answers: Record<string, Answer>) {
  const fake = fakeHttp({ [VERSION]: { status: 200, body: { version: '11.10.1-t1' } }, ...answers });
  const report = await jamfProCredential.test(
    { baseUrl: 'https://acme.jamfcloud.com', clientId: CLIENT_ID, clientSecret: SECRET },
    { http: fake.http, now: Date.now },
  );
  const text = JSON.stringify(report);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(CANARY);
  expect(text).not.toContain('eyJ.token.sig');
  return { report, calls: fake.calls };
}

describe('classification of the token answer', () => {
  const invalid = 'acme.jamfcloud.com refused the client ID and secret: wrong client ID or secret, the secret was rotated, or the client is disabled.';
  const noEndpoint =
    'No Jamf Pro token endpoint answers at https://acme.jamfcloud.com: check the server URL and its context path (API clients need Jamf Pro 10.49 or later).';

  it.each<[string, Record<string, Answer>, string, string]>([
    ['401 invalid_client', { [V1]: { status: 401, body: { error: 'invalid_client', error_description: CANARY } } }, 'INVALID_CREDENTIALS', invalid],
    ['400 invalid_client', { [V1]: { status: 400, body: { error: 'invalid_client' } } }, 'INVALID_CREDENTIALS', invalid],
    ['400 unauthorized_client', { [V1]: { status: 400, body: { error: 'unauthorized_client' } } }, 'INVALID_CREDENTIALS', invalid],
    ['401 without a body', { [V1]: { status: 401 } }, 'INVALID_CREDENTIALS', invalid],
    ['400 invalid_request', { [V1]: { status: 400, body: { error: 'invalid_request' } } }, 'UNEXPECTED_RESPONSE', 'rejected the token request as malformed (HTTP 400)'],
    ['400 unsupported_grant_type', { [V1]: { status: 400, body: { error: 'unsupported_grant_type' } } }, 'UNEXPECTED_RESPONSE', 'as malformed'],
    ['403', { [V1]: { status: 403, body: { message: CANARY } } }, 'PERMISSION_DENIED', 'refused to issue a token (HTTP 403)'],
    ['404 on both paths', { [V1]: { status: 404 }, [LEGACY]: { status: 404, html: true } }, 'UNEXPECTED_RESPONSE', noEndpoint],
    ['429', { [V1]: { status: 429, headers: { 'retry-after': '12' } } }, 'RATE_LIMITED', 'try again in 12 s'],
    ['503', { [V1]: { status: 503, html: true } }, 'UNEXPECTED_RESPONSE', 'server error on the token request (HTTP 503)'],
    ['200 web page', { [V1]: { status: 200, html: true } }, 'UNEXPECTED_RESPONSE', 'with a web page instead of Jamf Pro API data'],
    ['401 web page', { [V1]: { status: 401, html: true } }, 'INVALID_CREDENTIALS', invalid],
    ['200 without a token', { [V1]: { status: 200, body: { token_type: 'Bearer' } } }, 'UNEXPECTED_RESPONSE', 'without an access token'],
    ['200 not JSON', { [V1]: { status: 200, body: undefined } }, 'UNEXPECTED_RESPONSE', 'data Keyhold could not read'],
    ['network failure', { [V1]: new KeyholdError('NETWORK_ERROR', 'Could not reach acme.jamfcloud.com: … not trusted by the browser.') }, 'NETWORK_ERROR', 'not trusted by the browser'],
    ['timeout', { [V1]: new KeyholdError('TIMEOUT', 'acme.jamfcloud.com did not answer within 25 seconds.') }, 'TIMEOUT', 'within 25 seconds'],
  ])('%s', async (_name, answers, code, message) => {
    const { report } = await runWith(answers);
    expect(report.ok).toBe(false);
    expect(report.code).toBe(code);
    expect(report.message).toContain(message);
  });

  it.each<[string, Answer]>([
    ['404', { status: 404 }],
    ['405', { status: 405 }],
    ['401 with the Jamf envelope (API filter, no such endpoint)', { status: 401, body: { httpStatus: 401, errors: [{ code: 'INVALID_TOKEN', description: 'Unauthorized', id: '0', field: null }] } }],
  ])('falls back to /api/oauth/token on %s', async (_name, v1) => {
    const { report, calls } = await runWith({ [V1]: v1, [LEGACY]: TOKEN_OK });
    expect(report.ok).toBe(true);
    expect(calls.slice(0, 3)).toEqual([`POST ${V1}`, `POST ${LEGACY}`, `GET ${VERSION}`]);
  });

  it('does not fall back on an OAuth refusal', async () => {
    const { calls } = await runWith({ [V1]: { status: 401, body: { error: 'invalid_client' } }, [LEGACY]: TOKEN_OK });
    expect(calls).toEqual([`POST ${V1}`]);
  });
});

describe('classification after the token', () => {
  it.each<[string, Record<string, Answer>, string, string]>([
    ['version 401', { [VERSION]: { status: 401, body: { httpStatus: 401, errors: [] } } }, 'INVALID_CREDENTIALS', 'issued a token and then refused it'],
    ['version 500', { [VERSION]: { status: 500, body: { httpStatus: 500, errors: [] } } }, 'UNEXPECTED_RESPONSE', 'server error on the version request'],
    ['version web page', { [VERSION]: { status: 200, html: true } }, 'UNEXPECTED_RESPONSE', 'answered the version request with a web page'],
    ['probe 401', { '/api/v1/buildings': { status: 401 } }, 'INVALID_CREDENTIALS', 'issued a token and then refused it'],
    ['probe 429', { '/api/v1/departments': { status: 429, headers: { 'retry-after': '5' } } }, 'RATE_LIMITED', 'try again in 5 s'],
    ['probe web page', { '/api/v2/mobile-devices': { status: 200, html: true } }, 'UNEXPECTED_RESPONSE', 'the Read Mobile Devices check with a web page'],
  ])('%s', async (_name, answers, code, message) => {
    const { report, calls } = await runWith({ [V1]: TOKEN_OK, ...answers });
    expect(report).toMatchObject({ ok: false, code });
    expect(report.message).toContain(message);
    expect(calls.at(-1)).toBe('POST /api/v1/auth/invalidate-token');
  });

  it('403 is a denied privilege; 404 leaves it unchecked; both still pass', async () => {
    const { report } = await runWith({
      [V1]: TOKEN_OK,
      '/api/v1/buildings': { status: 403, body: { httpStatus: 403, errors: [] } },
      '/api/v1/departments': { status: 404 },
    });
    expect(report.ok).toBe(true);
    expect(report.permissions).toContainEqual({ name: 'Read Buildings', granted: false });
    expect(report.permissions?.some((row) => row.name === 'Read Departments')).toBe(false);
    expect(report.message).toBe(
      'Jamf Pro 11.10.1, token valid 10 min, 4 of 5 privileges granted (missing: Read Buildings). Not checked (this server has no endpoint Keyhold can read for it): Read Departments.',
    );
  });

  it('a version without build suffix, or none at all', async () => {
    expect((await runWith({ [V1]: TOKEN_OK, [VERSION]: { status: 200, body: { version: '10.49.0' } } })).report.message).toMatch(/^Jamf Pro 10\.49\.0,/);
    expect((await runWith({ [V1]: TOKEN_OK, [VERSION]: { status: 200, body: {} } })).report.message).toMatch(/^Jamf Pro \(version not reported\),/);
  });

  it('no expires_in: the lifetime is said to be unknown', async () => {
    const { report } = await runWith({ [V1]: { status: 200, body: { access_token: 'eyJ.token.sig' } } });
    expect(report.tokenExpiresIn).toBeUndefined();
    expect(report.message).toContain('token lifetime not reported');
  });
});

describe('duration', () => {
  it.each([
    [45, '45 s'],
    [89, '89 s'],
    [599, '10 min'],
    [1799, '30 min'],
    [3599, '60 min'],
    [7199, '2 h'],
    [86399, '24 h'],
  ])('%i s → %s', (seconds, text) => {
    expect(duration(seconds)).toBe(text);
  });
});
