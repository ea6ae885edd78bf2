// A server that answers Keyhold's calls with a redirect to another host (hostile, or moved) never
// gets the secret forwarded there: in real Chromium, whose fetch would re-send a 307's form body
// (client_secret) and custom headers (x-api-key) to the new host. The other host is the
// collector, a second mock server that plays the attacker (it even answers CORS preflights) and
// records all it receives. The admin reads where the server pointed, in plain words.
import { test, expect, PASSPHRASE } from './fixtures';
import { COLLECTOR_ORIGIN } from '../mock-vendors/collector';

test('a Jamf Pro token request redirected to another host: refused, the secret never reaches it, and the admin is told where', async ({
  extension,
  mocks,
}) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: ['Read Computers'] });
  const secret = client.clientSecret!;
  const { id } = await extension.call('credentials.add', {
    vendor: 'jamf-pro',
    values: { baseUrl: 'https://acme.jamfcloud.com', clientId: client.clientId, clientSecret: secret },
  });

  // A moved (or hijacked) server: every token call 307s to the same path on the collector.
  mocks.jamf.fault({ kind: 'redirect', to: COLLECTOR_ORIGIN }, { path: '/v1/oauth/token', times: Infinity });
  const report = await extension.call('credentials.test', { id });
  expect(mocks.collector.sawText(secret), 'the collector received the client secret').toBe(false);
  expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
  expect(report.message).toBe(
    `acme.jamfcloud.com redirected the request to ${COLLECTOR_ORIGIN}. Keyhold does not send a credential on to another address: if that is your Jamf Pro, use that address.`,
  );
  // The secret went to acme.jamfcloud.com only; the collector saw at most a bare GET (the probe
  // that learns the address), never a POST, a body, or the secret anywhere.
  expect(mocks.server.requests.filter((r) => r.path === '/api/v1/oauth/token' && r.form?.get('client_secret') === secret)).toHaveLength(1);
  expect(mocks.collector.received.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual(['GET /api/v1/oauth/token ']);
  const [summary] = await extension.call('credentials.list');
  expect(summary.lastTest).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE', message: report.message });

  // Once the server stops redirecting, the same credential works.
  mocks.jamf.clearFaults();
  expect(await extension.call('credentials.test', { id })).toMatchObject({ ok: true });
});

test('a JumpCloud API call redirected to another host: the x-api-key header never reaches it', async ({ extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const apiKey = mocks.jumpcloud.addApiKey({ region: 'us' }).key;
  const { id } = await extension.call('credentials.add', { vendor: 'jumpcloud-api-key', values: { apiKey, region: 'us' } });

  mocks.jumpcloud.redirectTo(COLLECTOR_ORIGIN, { target: 'api' });
  const report = await extension.call('credentials.test', { id });
  expect(mocks.collector.sawText(apiKey), 'the collector received the API key').toBe(false);
  expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE' });
  expect(report.message).toBe(
    `console.jumpcloud.com redirected the request to ${COLLECTOR_ORIGIN}. Keyhold does not send a credential on to another address: if that is your JumpCloud, use that address.`,
  );
  expect(mocks.collector.received.every((r) => r.method === 'GET' && !r.headers['x-api-key'])).toBe(true);
});
