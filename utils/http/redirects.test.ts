// A request carrying a secret never follows a redirect: not the form body of a token request
// (client_secret, an Apple assertion), not an x-api-key or Authorization header. The admin is told
// where the server wanted to send it. Real HTTP between two local servers (two origins), through
// Node's own fetch; and the browser's side, where a manual redirect hides its Location.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeyholdError } from '../errors';
import { createHttpClient } from './http-client';

const SECRET = 'client-secret-that-must-stay-home-0123456789';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function server(answer: (request: Seen) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: Seen[] = [];
  const instance = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      const { status, headers, body: out } = answer(request);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(out ?? '{}');
    });
  });
  return {
    seen,
    start: () => new Promise<void>((resolve) => instance.listen(0, '127.0.0.1', resolve)),
    origin: () => `http://127.0.0.1:${(instance.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => instance.close(() => resolve())),
  };
}

// The collector: another origin that takes whatever it is sent.
const collector = server(() => ({ status: 200, body: '{"access_token":"collected","version":"1"}' }));
// The server Keyhold was pointed at: it redirects every call to the collector, keeping the path.
let redirectStatus = 307;
const moved = server((request) => ({ status: redirectStatus, headers: { location: `${collector.origin()}/jamf${request.url}` } }));

beforeAll(async () => {
  await Promise.all([collector.start(), moved.start()]);
});
afterAll(async () => {
  await Promise.all([collector.close(), moved.close()]);
});
beforeEach(() => {
  collector.seen.length = 0;
  moved.seen.length = 0;
});

async function refusal(promise: Promise<unknown>): Promise<KeyholdError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(KeyholdError);
  return error as KeyholdError;
}

describe.each([301, 302, 303, 307, 308])('HTTP %i to another origin', (status) => {
  it.each([
    [
      'a token request (form body with client_secret)',
      { method: 'POST' as const, form: { grant_type: 'client_credentials', client_id: 'id', client_secret: SECRET } },
    ],
    ['an x-api-key request', { headers: { 'x-api-key': SECRET } }],
    ['a bearer request', { headers: { Authorization: `Bearer ${SECRET}` } }],
  ])('%s is not followed, and the admin is told where it pointed', async (_name, request) => {
    redirectStatus = status;
    const error = await refusal(createHttpClient(fetch, undefined, 'Jamf Pro')(`${moved.origin()}/api/v1/oauth/token`, request));
    expect(error.code).toBe('UNEXPECTED_RESPONSE');
    expect(error.message).toBe(
      `${new URL(moved.origin()).host} redirected the request to ${collector.origin()}/jamf. Keyhold does not send a credential on to another address: if that is your Jamf Pro, use that address.`,
    );
    expect(error.message).not.toContain(SECRET);
    expect(moved.seen).toHaveLength(1);
    // Nothing at all reached the other origin (Node exposes the Location, so no probe is needed).
    expect(collector.seen).toEqual([]);
  });
});

describe('in a browser, where a manual redirect is opaque', () => {
  // What Chromium and Firefox hand a worker for `redirect: 'manual'`: no status, no headers.
  const opaque = {
    type: 'opaqueredirect',
    status: 0,
    headers: new Headers(),
    body: null,
    url: 'https://jamf.example.org/api/v1/oauth/token',
  };

  it('asks again without body, headers or cookies, following, to learn the address; the secret goes nowhere', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (init.redirect === 'manual') return opaque;
      return {
        type: 'basic',
        redirected: true,
        url: 'https://jamf2.example.org/jamf/api/v1/oauth/token',
        status: 404,
        headers: new Headers(),
        body: null,
      };
    }) as unknown as typeof fetch;
    const error = await refusal(
      createHttpClient(
        fakeFetch,
        undefined,
        'Jamf Pro',
      )('https://jamf.example.org/api/v1/oauth/token', {
        method: 'POST',
        headers: { Authorization: `Bearer ${SECRET}` },
        form: { client_secret: SECRET },
      }),
    );
    expect(error.message).toBe(
      'jamf.example.org redirected the request to https://jamf2.example.org/jamf. Keyhold does not send a credential on to another address: if that is your Jamf Pro, use that address.',
    );
    expect(calls).toHaveLength(2);
    expect(calls[0].init).toMatchObject({ method: 'POST', redirect: 'manual', credentials: 'omit' });
    // The probe: a bare GET, nothing of the request's own.
    expect(calls[1].url).toBe('https://jamf.example.org/api/v1/oauth/token');
    expect(calls[1].init).toMatchObject({ redirect: 'follow', credentials: 'omit' });
    expect(calls[1].init.method ?? 'GET').toBe('GET');
    expect(calls[1].init.body).toBeUndefined();
    expect(JSON.stringify(calls[1].init.headers ?? {})).not.toContain(SECRET);
  });

  it('says so plainly when even the probe cannot tell where (the other host refuses it)', async () => {
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      if (init.redirect === 'manual') return opaque;
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const error = await refusal(
      createHttpClient(fakeFetch)('https://jamf.example.org/api/v1/oauth/token', { headers: { 'x-api-key': SECRET } }),
    );
    expect(error).toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
      message:
        'jamf.example.org redirected the request to another address. Keyhold does not send a credential on to another address: check the server address.',
    });
  });
});
