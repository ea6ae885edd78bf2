// The real Jamf Platform API test against the strict gateway mock on {us,eu,apac}.api.jamfcloud.com:
// form token call without scope header, exactly one scope header on the read, the gateway's error
// codes each in plain words, the edge's HTML 403 as "blocked before Jamf", two requests per test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchVia, startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { ENVIRONMENTS, TENANTS } from '../../../tests/mock-vendors/jamf-platform';
import { jamfPlatformCredential as platform } from './integration';
import { createHttpClient } from '../../http/http-client';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
beforeAll(async () => {
  env = await startMocksWithClient();
});
afterAll(() => env.close());
beforeEach(() => env.jamfPlatform.reset());

const run = async (values: Record<string, string>) => {
  const report = await platform.test(platform.values.parse(values), { http: env.http, now: Date.now });
  expect(JSON.stringify(report)).not.toContain(values.clientSecret);
  return report;
};
const gatewayCalls = () => env.server.requests.filter((r) => r.host.endsWith('.api.jamfcloud.com'));

describe('Jamf Platform API integration', () => {
  it('environment scope: form token call, one X-Environment-Id, devices:read row, expires_in read', async () => {
    const i = env.jamfPlatform.addIntegration({ region: 'eu', level: 'environment', capabilities: ['devices:read'] });
    const before = gatewayCalls().length;
    const report = await run({
      region: 'eu',
      clientId: i.clientId,
      clientSecret: i.clientSecret,
      environmentId: ENVIRONMENTS.eu.toUpperCase(),
    });
    expect(report).toMatchObject({
      ok: true,
      tokenExpiresIn: 900,
      permissions: [{ name: 'devices:read', granted: true }],
      details: { tokenRevocable: false, scope: 'environment' },
    });
    const [token, read] = gatewayCalls().slice(before);
    expect(token.form?.get('grant_type')).toBe('client_credentials');
    expect(token.headers['x-environment-id']).toBeUndefined();
    expect(read.headers['x-environment-id']).toBe(ENVIRONMENTS.eu);
    expect(read.headers['x-tenant-id']).toBeUndefined();
    expect(read.headers.authorization).toMatch(/^Bearer /);
    expect(gatewayCalls().length - before).toBe(2);
  });

  it('tenant scope reads the Pro version with X-Tenant-Id; organization scope reads licences on US', async () => {
    const t = env.jamfPlatform.addIntegration({ region: 'us', level: 'tenant', capabilities: ['buildings:read'] });
    expect(await run({ region: 'us', clientId: t.clientId, clientSecret: t.clientSecret, tenantId: TENANTS.us })).toMatchObject({
      ok: true,
      details: { scope: 'tenant' },
    });
    const o = env.jamfPlatform.addIntegration({ region: 'us', level: 'organization', capabilities: ['licensing:read'] });
    expect(await run({ region: 'us', clientId: o.clientId, clientSecret: o.clientSecret })).toMatchObject({
      ok: true,
      permissions: [{ name: 'licensing:read', granted: true }],
    });
    // An environment integration saved without its ID, on the US host: told which ID to add.
    const e = env.jamfPlatform.addIntegration({ region: 'us', level: 'environment', capabilities: ['devices:read'] });
    expect((await run({ region: 'us', clientId: e.clientId, clientSecret: e.clientSecret })).message).toMatch(/Add its environment ID/);
  });

  it('a wrong secret, or the wrong region, is a refused credential', async () => {
    const i = env.jamfPlatform.addIntegration({ region: 'eu', level: 'environment', capabilities: ['devices:read'] });
    const wrong = await run({ region: 'eu', clientId: i.clientId, clientSecret: 'not-the-secret', environmentId: ENVIRONMENTS.eu });
    expect(wrong).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    const region = await run({ region: 'us', clientId: i.clientId, clientSecret: i.clientSecret, environmentId: ENVIRONMENTS.eu });
    expect(region.message).toMatch(/region-locked/);
  });

  it.each([
    ['no scope header (REQUEST_CONTEXT_NOT_PROVIDED)', {}, 'INCOMPLETE_CREDENTIAL', /Wrong scope.*Add its environment ID/],
    ['a tenant header on an environment read (OWNERSHIP_FORBIDDEN)', { tenantId: TENANTS.eu }, 'INVALID_INPUT', /Wrong scope or ID/],
    [
      'an unknown environment (ENVIRONMENT_NOT_FOUND)',
      { environmentId: '00000000-0000-4000-8000-000000000000' },
      'INVALID_INPUT',
      /Wrong ID: no platform environment/,
    ],
    ['another region’s environment (OWNERSHIP_FORBIDDEN)', { environmentId: ENVIRONMENTS.us }, 'INVALID_INPUT', /Wrong scope or ID/],
  ])('%s is explained in plain words', async (_name, scope, code, message) => {
    const i = env.jamfPlatform.addIntegration({ region: 'eu', level: 'environment', capabilities: ['devices:read'] });
    const report = await run({ region: 'eu', clientId: i.clientId, clientSecret: i.clientSecret, ...scope });
    expect(report).toMatchObject({ ok: false, code });
    expect(report.message).toMatch(message);
  });

  it('INVALID_REQUEST_CONTEXT_TYPE: an environment integration asked at tenant level on a tenant-only read', async () => {
    // The Pro version read takes tenant or environment scope; the licences read takes neither.
    const o = env.jamfPlatform.addIntegration({ region: 'us', level: 'organization', capabilities: ['licensing:read'] });
    const raw = createHttpClient(fetchVia(env.server.port));
    const token = (
      await raw('https://us.api.jamfcloud.com/auth/token', {
        form: { grant_type: 'client_credentials', client_id: o.clientId, client_secret: o.clientSecret },
      })
    ).json as { access_token: string };
    const answer = await raw('https://us.api.jamfcloud.com/licensing/v1/licenses', {
      headers: { Authorization: `Bearer ${token.access_token}`, 'X-Tenant-Id': TENANTS.us },
    });
    expect((answer.json as { errors: { code: string }[] }).errors[0].code).toBe('INVALID_REQUEST_CONTEXT_TYPE');
    const { readAnswer } = await import('./integration');
    expect(() => readAnswer(answer, 'us.api.jamfcloud.com', 'tenant')).toThrow(/Wrong scope/);
  });

  it('a missing capability (BAD_PERMISSIONS) is a permission row', async () => {
    const i = env.jamfPlatform.addIntegration({ region: 'apac', level: 'environment', capabilities: ['buildings:read'] });
    const report = await run({ region: 'apac', clientId: i.clientId, clientSecret: i.clientSecret, environmentId: ENVIRONMENTS.apac });
    expect(report).toMatchObject({ ok: true, permissions: [{ name: 'devices:read', granted: false }] });
    expect(report.message).toContain('missing devices:read');
  });

  it('an HTML 403 from the edge is "blocked before Jamf", not a bad secret', async () => {
    const i = env.jamfPlatform.addIntegration({ region: 'us', level: 'organization', capabilities: ['licensing:read'] });
    env.jamfPlatform.setEdgeBlock(true);
    const before = gatewayCalls().length;
    const report = await run({ region: 'us', clientId: i.clientId, clientSecret: i.clientSecret });
    expect(report).toMatchObject({ ok: false, code: 'NETWORK_ERROR' });
    expect(report.message).toMatch(/blocked before Jamf/);
    expect(gatewayCalls().length - before).toBe(1);
  });

  it('values: at most one scope ID, UUIDs only, region required for a complete credential', () => {
    const base = { region: 'us', clientId: 'c', clientSecret: 'secret-secret' };
    expect(platform.values.safeParse({ ...base, environmentId: ENVIRONMENTS.us, tenantId: TENANTS.us }).success).toBe(false);
    expect(platform.values.safeParse({ ...base, environmentId: 'acme' }).success).toBe(false);
    expect(platform.values.safeParse({ ...base, region: 'mars' }).success).toBe(false);
    expect(platform.missing!({ clientId: 'c', clientSecret: 's' })).toEqual(['region']);
    expect(platform.curl!({ region: 'eu', clientId: 'c', clientSecret: 's' })).toContain("'https://eu.api.jamfcloud.com/auth/token'");
  });
});

describe('stored in the vault', () => {
  it('a capture without its region is kept incomplete (the side panel asks for it); a lone field can be edited', async () => {
    const { validateValues } = await import('../validate-values');
    expect(validateValues(platform, { clientId: 'abc', clientSecret: 'secret-123456' }, { allowMissing: true })).toEqual({
      clientId: 'abc',
      clientSecret: 'secret-123456',
    });
    expect(validateValues(platform, { region: 'eu' }, { partial: true })).toEqual({ region: 'eu' });
    expect(() =>
      validateValues(platform, {
        region: 'us',
        clientId: 'c',
        clientSecret: 'secret-1234',
        environmentId: ENVIRONMENTS.us,
        tenantId: TENANTS.us,
      }),
    ).toThrow(/one scope/);
  });

  it('a gateway URL given as the region is stored as its region code', async () => {
    const { validateValues } = await import('../validate-values');
    expect(
      validateValues(platform, { region: 'https://eu.api.jamfcloud.com/auth/token', clientId: 'c', clientSecret: 'secret-1234' }),
    ).toEqual({
      region: 'eu',
      clientId: 'c',
      clientSecret: 'secret-1234',
    });
    expect(validateValues(platform, { region: 'APAC' }, { partial: true })).toEqual({ region: 'apac' });
    expect(() => validateValues(platform, { region: 'https://acme.jamfcloud.com', clientId: 'c', clientSecret: 'secret-1234' })).toThrow(
      /us, eu or apac/,
    );
  });

  it('Test all runs one test at a time per region', () => {
    expect(platform.exclusiveKey!({ region: 'eu', clientId: 'a', clientSecret: 'b' })).toBe('eu');
  });
});
