import { describe, expect, it } from 'vitest';
import { KeyholdError } from '../../errors';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { validateValues } from '../validate-values';
import { MAX_REQUESTS, PLACEHOLDER_DEVICE_ID, iruApiToken, tokenFingerprint } from './api-token';
import { iruDescriptions } from './description';

const TOKEN = '6f1c2b7e-93a4-4d0b-8e55-0a1b2c3d4e5f';
const OTHER = '0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a';
const DEVICE = '03f81208-2b6a-4a77-81f5-cf1633bcfb95';
const API = 'https://acme.api.kandji.io';
const values = { apiUrl: API, token: TOKEN };

describe('values', () => {
  it('normalises the API URL and keeps the token as shown', () => {
    expect(
      iruApiToken.values.parse({ apiUrl: 'https://ACME.api.kandji.io/api/v1/', token: ` ${TOKEN} `, tokenName: 'Asset sync' }),
    ).toEqual({
      apiUrl: API,
      token: TOKEN,
      tokenName: 'Asset sync',
    });
  });

  it.each([
    [{ apiUrl: API, token: 'not-a-uuid' }, 'API token: must be the token exactly as Iru showed it'],
    [{ apiUrl: API, token: `${TOKEN}x` }, 'API token: must be the token exactly as Iru showed it'],
    [{ apiUrl: API }, 'API token: is required'],
    [{ apiUrl: 'https://acme.kandji.io', token: TOKEN }, 'API URL: this is the web console address'],
    [{ apiUrl: 'https://acme.example.com', token: TOKEN }, 'API URL: must be the API URL shown on the API tokens page'],
    [{ apiUrl: API, token: TOKEN, secret: 'x' }, 'Iru API token: Unrecognized key'],
  ])('refuses %j plainly', (input, message) => {
    try {
      validateValues(iruApiToken, input as Record<string, string>);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KeyholdError);
      expect((error as KeyholdError).code).toBe('INVALID_INPUT');
      expect((error as KeyholdError).message).toContain(message);
      expect((error as KeyholdError).message).not.toContain('not-a-uuid');
    }
  });
});

describe('identity, origins, label, pasted text', () => {
  it('keeps two tokens of one tenant apart and matches the same token captured again', () => {
    const first = iruApiToken.identity(values);
    expect(iruApiToken.identity({ ...values, tokenName: 'Renamed' })).toBe(first);
    expect(iruApiToken.identity({ ...values, token: TOKEN.toUpperCase() })).toBe(first);
    expect(iruApiToken.identity({ ...values, token: OTHER })).not.toBe(first);
    expect(iruApiToken.identity({ ...values, apiUrl: 'https://acme.api.eu.kandji.io' })).not.toBe(first);
    expect(first).toBe(`${API}|${tokenFingerprint(TOKEN)}`);
    expect(first).not.toContain(TOKEN.slice(0, 8));
    expect(tokenFingerprint(TOKEN)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('calls only the API URL', () => {
    expect(iruApiToken.origins(values)).toEqual([API]);
  });

  it('labels by token name and host', () => {
    expect(iruApiToken.defaultLabel({ ...values, tokenName: 'Asset sync' })).toBe('Asset sync (acme.api.kandji.io)');
    expect(iruApiToken.defaultLabel(values)).toBe('Iru API token (acme.api.kandji.io)');
  });

  it('recognises a pasted Iru API URL, not a bare UUID', () => {
    expect(iruApiToken.recognisesPasted!(`https://acme.api.eu.kandji.io ${TOKEN}`)).toBe(true);
    expect(iruApiToken.recognisesPasted!('acme.api.iru.com')).toBe(true);
    expect(iruApiToken.recognisesPasted!(TOKEN)).toBe(false);
    expect(iruApiToken.recognisesPasted!('https://acme.kandji.io')).toBe(false);
  });

  it('serialises tests per tenant, explains rotation and gives the first call as curl', () => {
    expect(iruApiToken.exclusiveKey!(values)).toBe(API);
    expect(iruApiToken.exclusiveKey!({ ...values, token: OTHER })).toBe(API);
    expect(iruDescriptions[0].rotation?.startPath).toBe('/access/api-tokens');
    expect(iruDescriptions[0].rotation?.steps.join(' ')).toMatch(/cannot be regenerated.*Revoke/);
    expect(iruApiToken.curl!(values)).toBe(
      `curl -sS -H 'Accept: application/json' -H 'Authorization: Bearer ${TOKEN}' 'https://acme.api.kandji.io/api/v1/devices?limit=1'`,
    );
  });

  it('marks only the token secret', () => {
    expect(iruApiToken.secretFields).toEqual(['token']);
    expect(iruApiToken.fields.filter((f) => f.secret).map((f) => f.name)).toEqual(['token']);
  });
});

// ---- Error classification against canned answers ----

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | KeyholdError;

function reply(url: string, answer: Exclude<Answer, KeyholdError>): HttpResponse {
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const isHtml = typeof answer.body === 'string' && answer.body.startsWith('<');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { url, status: answer.status, headers: new Headers(answer.headers), text, ms: 7, json, isHtml };
}

/** A client answering by path (first match wins) and remembering what was asked. */
function fakeHttp(answers: [RegExp, Answer][]) {
  const calls: { url: string; authorization?: string }[] = [];
  const http: HttpClient = async (url, request) => {
    calls.push({ url, authorization: request?.headers?.Authorization });
    const path = new URL(url).pathname;
    const answer = answers.find(([pattern]) => pattern.test(path))?.[1];
    if (!answer) throw new Error(`unexpected call ${url}`);
    if (answer instanceof KeyholdError) throw answer;
    return reply(url, answer);
  };
  return { http, calls };
}

const DENIED = { status: 403, body: { detail: 'You do not have permission to perform this action.' } };
const UNAUTHENTICATED = { status: 401, body: { detail: 'Invalid token.' } };
const DEVICES = { status: 200, body: [{ device_id: DEVICE, device_name: 'Mac' }] };
const BLUEPRINTS = { status: 200, body: { count: 0, next: null, previous: null, results: [] } };
const NOT_FOUND_HTML = '<!doctype html><html lang="en"><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>';
const devices = /^\/api\/v1\/devices$/;
const blueprints = /^\/api\/v1\/blueprints$/;
const details = /\/details$/;
const apps = /\/apps$/;

async function run(answers: [RegExp, Answer][], template = 'device-list') {
  const fake = fakeHttp(answers);
  const report = await iruApiToken.test(values, { http: fake.http, template, now: () => 0 });
  return { report, calls: fake.calls };
}

describe('test() classification', () => {
  it.each<[string, [RegExp, Answer][], string, { code?: string; message: RegExp; retryAfter?: number }]>([
    ['device list works', [[devices, DEVICES]], 'device-list', { message: /works on acme\.api\.kandji\.io and has the permission/ }],
    [
      'rate limited with Retry-After',
      [[devices, { status: 429, body: { message: 'API rate limit exceeded' }, headers: { 'retry-after': '30' } }]],
      'device-list',
      { code: 'RATE_LIMITED', message: /10,000 requests per hour, shared by every token.*Try again in 30 s/, retryAfter: 30 },
    ],
    [
      'rate limited without Retry-After',
      [[devices, { status: 429, body: { message: 'API rate limit exceeded' } }]],
      'device-list',
      { code: 'RATE_LIMITED', message: /budget refills within the hour/ },
    ],
    [
      'rate-limit body on another status',
      [[devices, { status: 403, body: { message: 'API rate limit exceeded' } }]],
      'device-list',
      { code: 'RATE_LIMITED', message: /used up its API budget/ },
    ],
    [
      '403 twice: no permissions',
      [
        [devices, DENIED],
        [blueprints, DENIED],
      ],
      'device-list',
      { code: 'PERMISSION_DENIED', message: /valid but has no API permissions.*tick Device list and click Save/ },
    ],
    [
      '401 twice: rejected',
      [
        [devices, UNAUTHENTICATED],
        [blueprints, UNAUTHENTICATED],
      ],
      'device-list',
      { code: 'INVALID_CREDENTIALS', message: /revoked, mistyped, or belongs to another tenant/ },
    ],
    [
      '401 then a working second call: valid, Device list missing',
      [
        [devices, UNAUTHENTICATED],
        [blueprints, BLUEPRINTS],
      ],
      'device-list',
      { message: /works on .* lacks 1 permission .*: Device list/ },
    ],
    [
      '401 then 403: no permissions',
      [
        [devices, UNAUTHENTICATED],
        [blueprints, DENIED],
      ],
      'device-list',
      { code: 'PERMISSION_DENIED', message: /no API permissions/ },
    ],
    [
      'unknown tenant answering 404',
      [[devices, { status: 404, body: NOT_FOUND_HTML }]],
      'device-list',
      { code: 'NETWORK_ERROR', message: /^acme\.api\.kandji\.io has no Iru tenant/ },
    ],
    [
      'unknown tenant that does not resolve',
      [[devices, new KeyholdError('NETWORK_ERROR', 'Could not reach acme.api.kandji.io')]],
      'device-list',
      { code: 'NETWORK_ERROR', message: /^Could not reach acme\.api\.kandji\.io: no Iru tenant answers/ },
    ],
    [
      'timeout',
      [[devices, new KeyholdError('TIMEOUT', 'acme.api.kandji.io did not answer within 25 seconds.')]],
      'device-list',
      { code: 'TIMEOUT', message: /did not answer/ },
    ],
    [
      'server error',
      [[devices, { status: 500, body: '<!doctype html><title>Server Error (500)</title>' }]],
      'device-list',
      { code: 'UNEXPECTED_RESPONSE', message: /server error.*HTTP 500/ },
    ],
    [
      'a sign-in page instead of data',
      [[devices, { status: 200, body: '<!doctype html><h1>Sign in</h1>' }]],
      'device-list',
      { code: 'UNEXPECTED_RESPONSE', message: /web page instead of API data/ },
    ],
    [
      'an object where the list should be',
      [[devices, { status: 200, body: { results: [] } }]],
      'device-list',
      { code: 'UNEXPECTED_RESPONSE', message: /could not read/ },
    ],
    [
      'a bad request',
      [[devices, { status: 400, body: { limit: ['A valid integer is required.'] } }]],
      'device-list',
      { code: 'UNEXPECTED_RESPONSE', message: /unexpected answer.*HTTP 400/ },
    ],
    [
      'inventory with one permission missing',
      [
        [devices, DEVICES],
        [details, { status: 200, body: { general: {} } }],
        [apps, DENIED],
        [blueprints, BLUEPRINTS],
      ],
      'inventory',
      { message: /lacks 1 permission the Inventory template needs: Application list/ },
    ],
    [
      'inventory, everything refused',
      [
        [devices, DENIED],
        [details, DENIED],
        [apps, DENIED],
        [blueprints, DENIED],
      ],
      'inventory',
      { code: 'PERMISSION_DENIED', message: /Device list, Device details, Application list and List Blueprints/ },
    ],
    [
      'inventory, every call 401',
      [
        [devices, UNAUTHENTICATED],
        [details, UNAUTHENTICATED],
        [apps, UNAUTHENTICATED],
        [blueprints, UNAUTHENTICATED],
      ],
      'inventory',
      { code: 'INVALID_CREDENTIALS', message: /HTTP 401/ },
    ],
  ])('%s', async (_name, answers, template, expected) => {
    const { report } = await run(answers, template);
    expect(report.ok).toBe(expected.code === undefined);
    expect(report.code).toBe(expected.code);
    expect(report.message).toMatch(expected.message);
    expect(report.message).not.toContain(TOKEN);
    expect(JSON.stringify(report)).not.toContain(TOKEN);
    if (expected.retryAfter !== undefined) expect(report.details?.retryAfter).toBe(expected.retryAfter);
  });

  it('sends the token as a bearer to the API URL, and uses the first device for by-ID probes', async () => {
    const { report, calls } = await run(
      [
        [devices, DEVICES],
        [details, { status: 200, body: { general: {} } }],
        [apps, { status: 200, body: { device_id: DEVICE, apps: [] } }],
        [blueprints, BLUEPRINTS],
      ],
      'inventory',
    );
    expect(calls.map((c) => c.url)).toEqual([
      `${API}/api/v1/devices?limit=1`,
      `${API}/api/v1/devices/${DEVICE}/details`,
      `${API}/api/v1/devices/${DEVICE}/apps`,
      `${API}/api/v1/blueprints?limit=1`,
    ]);
    expect(calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(report.permissions).toEqual(
      ['Device list', 'Device details', 'Application list', 'List Blueprints'].map((name) => ({ name, granted: true })),
    );
    expect(report.steps.map((s) => s.name)).toEqual(['List devices', 'Get device details', 'Get device apps', 'List Blueprints']);
    expect(report.details).toMatchObject({
      requests: 4,
      sharedHourlyLimit: 10_000,
      tokenLifetime: 'until revoked',
      deviceProbe: 'first listed device',
    });
  });

  it('probes by-ID permissions with a placeholder when no device can be listed; a 404 then means permitted', async () => {
    const { report, calls } = await run(
      [
        [devices, DENIED],
        [details, { status: 404, body: NOT_FOUND_HTML }],
        [apps, DENIED],
        [blueprints, BLUEPRINTS],
      ],
      'inventory',
    );
    expect(calls[1].url).toBe(`${API}/api/v1/devices/${PLACEHOLDER_DEVICE_ID}/details`);
    expect(report.ok).toBe(true);
    expect(report.permissions).toEqual([
      { name: 'Device list', granted: false },
      { name: 'Device details', granted: true },
      { name: 'Application list', granted: false },
      { name: 'List Blueprints', granted: true },
    ]);
  });

  it.each(['device-list', 'inventory', undefined])('template %s stays within MAX_REQUESTS calls', async (template) => {
    for (const outcome of [DENIED, UNAUTHENTICATED, DEVICES]) {
      const { calls } = await run(
        [
          [devices, outcome],
          [details, DENIED],
          [apps, DENIED],
          [blueprints, DENIED],
        ],
        template,
      );
      expect(calls.length).toBeLessThanOrEqual(MAX_REQUESTS);
    }
  });

  it('stops at the first rate-limited call', async () => {
    const { calls } = await run([[devices, { status: 429, body: { message: 'API rate limit exceeded' } }]], 'inventory');
    expect(calls).toHaveLength(1);
  });
});
