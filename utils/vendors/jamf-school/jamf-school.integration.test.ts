// The real Jamf School test against the strict mock on acmeschool.jamfcloud.com: HTTP Basic
// networkId:apiKey with X-Server-Protocol-Version 3, filtered reads, 401 vs 405.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { NETWORK_ID, SCHOOL_URL } from '../../../tests/mock-vendors/jamf-school';
import { jamfSchoolCredential as school } from './api-key';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
beforeAll(async () => {
  env = await startMocksWithClient();
});
afterAll(() => env.close());
beforeEach(() => env.jamfSchool.reset());

const run = async (values: Record<string, string>, template?: string) => {
  const report = await school.test(school.values.parse(values), { http: env.http, template, now: Date.now });
  expect(JSON.stringify(report)).not.toContain(values.apiKey);
  return report;
};

describe('Jamf School API key', () => {
  it('passes with Basic auth and the protocol header, without listing the fleet', async () => {
    const key = env.jamfSchool.addKey({ read: ['devices', 'locations'] });
    const report = await run({ baseUrl: `${SCHOOL_URL}/api`, networkId: NETWORK_ID, apiKey: key.apiKey }, 'inventory');
    expect(report).toMatchObject({
      ok: true,
      permissions: [
        { name: 'Devices: Read', granted: true },
        { name: 'Locations: Read', granted: true },
      ],
    });
    const calls = env.server.requests.filter((r) => r.host === 'acmeschool.jamfcloud.com');
    expect(calls.map((r) => r.path)).toEqual(['/api/devices', '/api/locations']);
    expect(calls[0].query.get('serialnumber')).toBe('KEYHOLD-PROBE');
    expect(calls[0].headers['x-server-protocol-version']).toBe('3');
    expect(calls[0].headers.authorization).toBe(`Basic ${Buffer.from(`${NETWORK_ID}:${key.apiKey}`).toString('base64')}`);
  });

  it('a wrong key or Network ID is refused in plain words (401)', async () => {
    const key = env.jamfSchool.addKey();
    for (const values of [
      { baseUrl: SCHOOL_URL, networkId: NETWORK_ID, apiKey: 'WRONGKEYWRONGKEYWRONGKEY' },
      { baseUrl: SCHOOL_URL, networkId: '11111111', apiKey: key.apiKey },
    ]) {
      const report = await run(values);
      expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
      expect(report.message).toMatch(/refused the Network ID and API key/);
    }
  });

  it('a refused access right (405) is a missing-permission row', async () => {
    const key = env.jamfSchool.addKey({ read: ['devices'] });
    const report = await run({ baseUrl: SCHOOL_URL, networkId: NETWORK_ID, apiKey: key.apiKey }, 'inventory');
    expect(report.ok).toBe(true);
    expect(report.permissions).toEqual([
      { name: 'Devices: Read', granted: true },
      { name: 'Locations: Read', granted: false },
    ]);
    expect(report.message).toContain('lacks Locations: Read');
  });

  it('a Jamf Pro address is named as such, not as a wrong key', async () => {
    const report = await run({ baseUrl: 'https://acme.jamfcloud.com', networkId: NETWORK_ID, apiKey: 'Q7W2E9R4T6Y1U3I8O5P0A2S4D6F8G1H3' });
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
    expect(report.message).toMatch(/Jamf Pro server, not Jamf School/);
  });

  it('one test at a time per school; copy as curl sends Basic auth and the protocol header', () => {
    const values = { baseUrl: SCHOOL_URL, networkId: NETWORK_ID, apiKey: 'Q7W2E9R4T6Y1U3I8O5P0A2S4D6F8G1H3' };
    expect(school.exclusiveKey!(values)).toBe(SCHOOL_URL);
    expect(school.curl!(values)).toContain("-H 'X-Server-Protocol-Version: 3'");
    expect(school.curl!(values)).toContain(`-u '${NETWORK_ID}:`);
  });

  it('values: the Network ID is a number; the URL is cut back to the school', () => {
    expect(school.values.safeParse({ baseUrl: SCHOOL_URL, networkId: 'abc', apiKey: 'Q7W2E9R4T6Y1U3I8O5P0A2S4D6F8G1H3' }).success).toBe(
      false,
    );
    expect(
      school.values.parse({
        baseUrl: 'acmeschool.jamfcloud.com/organisation/settings',
        networkId: ' 48213759 ',
        apiKey: 'Q7W2E9R4T6Y1U3I8O5P0A2S4D6F8G1H3',
      }),
    ).toMatchObject({ baseUrl: SCHOOL_URL, networkId: NETWORK_ID });
    expect(school.missing!({ baseUrl: SCHOOL_URL, apiKey: 'x' })).toEqual(['networkId']);
  });
});
