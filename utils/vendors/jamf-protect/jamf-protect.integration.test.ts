// The real Jamf Protect test against the strict mock on <tenant>.protect.jamfcloud.com: JSON token
// body, raw token on /graphql, GraphQL errors inside a 200 read as permission rows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { PROTECT_URL } from '../../../tests/mock-vendors/jamf-protect';
import { jamfProtectCredential as protect, readErrors } from './api-client';
import { createHttpClient } from '../../http/http-client';
import { fetchVia } from '../../../tests/helpers/mock-fetch';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
beforeAll(async () => {
  env = await startMocksWithClient();
});
afterAll(() => env.close());
beforeEach(() => env.jamfProtect.reset());

const run = async (values: Record<string, string>, template?: string, http = env.http) => {
  const report = await protect.test(protect.values.parse(values), { http, template, now: Date.now });
  expect(JSON.stringify(report)).not.toContain(values.password);
  return report;
};

describe('Jamf Protect API client', () => {
  it('passes with a token from a JSON body, reads with the raw token, and reports expires_in', async () => {
    const client = env.jamfProtect.addClient(undefined, { permissions: ['Computers', 'Alerts'] });
    env.jamfProtect.setExpiresIn(1800);
    const report = await run({ protectUrl: 'acme.protect.jamfcloud.com/graphql', clientId: client.clientId, password: client.password });
    expect(report).toMatchObject({
      ok: true,
      tokenExpiresIn: 1800,
      permissions: [
        { name: 'Computers', granted: true },
        { name: 'Alerts', granted: true },
      ],
    });
    expect(report.message).toContain('2 of 2 permissions granted');
    expect(report.message).toContain('cannot be revoked');
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['Get a token (POST /token)', 200],
      ['Read Computers, Alerts (POST /graphql)', 200],
    ]);
    const [tokenCall, read] = env.server.requests.filter((r) => r.host === 'acme.protect.jamfcloud.com');
    expect(JSON.parse(tokenCall.body)).toEqual({ client_id: client.clientId, password: client.password });
    expect(read.headers.authorization).not.toMatch(/^Bearer /);
  });

  it('a wrong password is a plain-word refusal', async () => {
    const client = env.jamfProtect.addClient();
    const report = await run({ protectUrl: PROTECT_URL, clientId: client.clientId, password: 'not-the-password' });
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(report.message).toMatch(/refused the client ID and password/);
  });

  it('a missing permission (GraphQL error inside a 200) is a row, not a failed credential', async () => {
    const client = env.jamfProtect.addClient(undefined, { permissions: ['Computers'] });
    const report = await run({ protectUrl: PROTECT_URL, clientId: client.clientId, password: client.password });
    expect(report.ok).toBe(true);
    expect(report.permissions).toEqual([
      { name: 'Computers', granted: true },
      { name: 'Alerts', granted: false },
    ]);
    expect(report.message).toContain('missing: Alerts');
  });

  it('a field the schema lacks stays unchecked (asked once more without it)', async () => {
    const client = env.jamfProtect.addClient(undefined, { permissions: ['Plans'] });
    env.jamfProtect.tenant('acme.protect.jamfcloud.com').schema.delete('listPlans');
    const report = await run({ protectUrl: PROTECT_URL, clientId: client.clientId, password: client.password }, 'jamf-pro-integration');
    expect(report.ok).toBe(true);
    expect(report.details?.uncheckedPrivileges).toEqual(['Plans', 'API Clients', 'Downloads']);
  });

  it('a web page instead of the token answer is not reported as a bad password', async () => {
    const client = env.jamfProtect.addClient();
    env.jamfProtect.setHtmlTokenAnswer(true);
    const report = await run({ protectUrl: PROTECT_URL, clientId: client.clientId, password: client.password });
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
  });

  it('the mock is strict: a form body, and "Bearer" on GraphQL, are refused', async () => {
    const client = env.jamfProtect.addClient();
    const raw = createHttpClient(fetchVia(env.server.port));
    const form = await raw(`${PROTECT_URL}/token`, { method: 'POST', form: { client_id: client.clientId, password: client.password } });
    expect(form.status).toBe(400);
    const ok = await raw(`${PROTECT_URL}/token`, { method: 'POST', json: { client_id: client.clientId, password: client.password } });
    const token = (ok.json as { access_token: string }).access_token;
    const bearer = await raw(`${PROTECT_URL}/graphql`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      json: { query: '{ listComputers(input:{pageSize:1}){items{uuid}} }' },
    });
    expect(bearer.status).toBe(401);
  });

  it('reads GraphQL errors by path, and validation errors as "not checked"', () => {
    expect(readErrors({ data: { computers: { items: [] } } }, ['Computers'], 'h')).toEqual(new Map([['Computers', true]]));
    expect(
      readErrors({ data: { computers: null }, errors: [{ path: ['computers'], errorType: 'Unauthorized' }] }, ['Computers'], 'h'),
    ).toEqual(new Map([['Computers', false]]));
    expect(
      readErrors(
        { data: null, errors: [{ errorType: 'FieldUndefined', message: "Field 'listComputers' in type 'Query' is undefined" }] },
        ['Computers'],
        'h',
      ),
    ).toEqual(new Map([['Computers', null]]));
    expect(() => readErrors({ data: {} }, ['Computers'], 'h')).toThrow(/could not read/);
    // A whole-query refusal without a path is not "every permission missing" nor a pass with none checked.
    expect(() =>
      readErrors({ data: null, errors: [{ errorType: 'Unauthorized', message: 'Not Authorized' }] }, ['Computers'], 'h'),
    ).toThrow(/names no permission/);
  });

  it('Test all runs one test at a time per tenant', () => {
    expect(protect.exclusiveKey!({ protectUrl: 'https://acme.protect.jamfcloud.com/graphql', clientId: 'a', password: 'b' })).toBe(
      PROTECT_URL,
    );
  });

  it('copy as curl posts JSON to /token', () => {
    const curl = protect.curl!({ protectUrl: PROTECT_URL, clientId: 'abc', password: "p'w" });
    expect(curl).toContain(`'${PROTECT_URL}/token'`);
    expect(curl).toContain('Content-Type: application/json');
    expect(curl).toContain('"password"');
  });
});
