// The credential type on its own (schema, identity, missing) and its real test against the strict
// mock on the real hostnames: the mock verifies the ES256 assertion and every claim, so a pass
// here means client and mock agree on Apple's protocol.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { VIEW_DEVICES } from '../../../tests/mock-vendors/apple';
import type { TestContext } from '../types';
import { TOKEN_URL, appleBusiness } from './apple-business';
import { appleDescriptions } from './description';

const business = { clientId: 'BUSINESSAPI.9703f56c-10ce-4876-8f59-e78e5e23a152', keyId: 'd136aa66-0c3b-4bd4-9892-c20e8db024ab' };

describe('values, identity and missing fields', () => {
  const pem = (() => {
    const body = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    return ['-----BEGIN EC PRIVATE KEY-----', ...body.match(/.{1,64}/g)!, '-----END EC PRIVATE KEY-----'].join('\n');
  })();

  it('accepts complete values and trims the IDs', () => {
    const parsed = appleBusiness.values.parse({ clientId: ` ${business.clientId}\n`, keyId: business.keyId, privateKey: pem });
    expect(parsed.clientId).toBe(business.clientId);
  });

  it.each([
    [{ ...business, privateKey: pem, clientId: 'APPAPI.9703f56c-10ce-4876-8f59-e78e5e23a152' }, /BUSINESSAPI\. or SCHOOLAPI\./],
    [{ ...business, privateKey: pem, keyId: 'not-a-uuid' }, /Key ID is a UUID/],
    [{ ...business, privateKey: 'hello' }, /not a PEM key file/],
    [{ ...business }, /privateKey|expected string/i],
    [{ ...business, privateKey: pem, extra: 'x' }, /unrecognized|extra/i],
  ])('refuses bad values with a clear message (%#)', (input, message) => {
    const result = appleBusiness.values.safeParse(input);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error!.issues)).toMatch(message);
  });

  it('lists what a captured credential still needs', () => {
    expect(appleBusiness.missing!(business)).toEqual(['privateKey']);
    expect(appleBusiness.missing!({ ...business, privateKey: '  ' })).toEqual(['privateKey']);
    expect(appleBusiness.missing!({ clientId: business.clientId })).toEqual(['keyId', 'privateKey']);
    expect(appleBusiness.missing!({ ...business, privateKey: pem })).toEqual([]);
  });

  it('keeps Client ID + Key ID as the identity, whatever the case', () => {
    const values = { ...business, privateKey: pem };
    expect(appleBusiness.identity(values)).toBe(`${business.clientId}|${business.keyId}`);
    expect(appleBusiness.identity({ ...values, clientId: business.clientId.toUpperCase(), keyId: ` ${business.keyId.toUpperCase()}` })).toBe(
      `${business.clientId}|${business.keyId}`,
    );
  });

  it('calls account.apple.com and the API host of its service', () => {
    expect(appleBusiness.origins({ ...business, privateKey: pem })).toEqual(['https://account.apple.com', 'https://api-business.apple.com']);
    expect(appleBusiness.origins({ ...business, clientId: 'SCHOOLAPI.9703f56c-10ce-4876-8f59-e78e5e23a152', privateKey: pem })).toEqual([
      'https://account.apple.com',
      'https://api-school.apple.com',
    ]);
  });

  it('names the service in the default label and recognises a pasted Client ID', () => {
    expect(appleBusiness.defaultLabel({ ...business, privateKey: pem })).toBe('Apple Business API · key d136aa66');
    expect(appleBusiness.defaultLabel({ ...business, clientId: 'SCHOOLAPI.9703f56c-10ce-4876-8f59-e78e5e23a152', privateKey: pem })).toBe(
      'Apple School Manager API · key d136aa66',
    );
    expect(appleBusiness.recognisesPasted!(` ${business.clientId} `)).toBe(true);
    expect(appleBusiness.recognisesPasted!(business.keyId)).toBe(false);
  });

  it('serialises tests per service and explains rotation', () => {
    expect(appleBusiness.exclusiveKey!({ ...business, privateKey: pem })).toBe('business');
    expect(appleDescriptions[0].rotation?.startPath).toBe('/#/main/preferences/apiaccounts');
    expect(appleDescriptions[0].rotation?.steps.join(' ')).toMatch(/revok/);
  });

  it('marks only the private key as secret', () => {
    expect(appleBusiness.secretFields).toEqual(['privateKey']);
    expect(appleBusiness.fields.find((field) => field.name === 'privateKey')).toMatchObject({ secret: true, input: 'file' });
  });
});

function hasCurl(): boolean {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('test() against the strict Apple mock', () => {
  let env: Awaited<ReturnType<typeof startMocksWithClient>>;
  let ctx: TestContext;
  beforeAll(async () => {
    env = await startMocksWithClient();
  });
  afterAll(() => env.close());
  beforeEach(() => {
    env.apple.reset();
    env.server.requests.length = 0;
    ctx = { http: env.http, now: () => Date.now() };
  });

  const tokenRequests = () => env.server.requests.filter((request) => request.host === 'account.apple.com');

  it.each(['business', 'school'] as const)('passes for an Apple %s account: token, lifetime, permission rows, timings', async (kind) => {
    const account = env.apple.addApiAccount({ kind });
    const report = await appleBusiness.test({ clientId: account.clientId, keyId: account.keyId, privateKey: account.privateKeyPem }, ctx);
    expect(report).toMatchObject({ ok: true, tokenExpiresIn: 3600 });
    expect(report.message).toMatch(kind === 'business' ? /^Apple Business accepted the key\. The token lasts 60 minutes/ : /^Apple School Manager accepted/);
    expect(report.permissions).toEqual([
      { name: 'MDM servers', granted: true },
      { name: 'Devices', granted: true },
    ]);
    expect(report.steps.map(({ name, ok, status }) => ({ name, ok, status }))).toEqual([
      { name: 'Token (account.apple.com)', ok: true, status: 200 },
      { name: 'MDM servers', ok: true, status: 200 },
      { name: 'Devices', ok: true, status: 200 },
    ]);
    for (const step of report.steps) expect(step.ms).toBeGreaterThanOrEqual(0);
    expect(report.details).toEqual({ service: kind === 'business' ? 'Apple Business' : 'Apple School Manager', scope: `${kind}.api` });

    const [token] = tokenRequests();
    expect(`https://${token.host}${token.path}`).toBe(TOKEN_URL);
    expect(Object.fromEntries(token.form!)).toMatchObject({
      grant_type: 'client_credentials',
      client_id: account.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      scope: `${kind}.api`,
    });
    const api = env.server.requests.filter((request) => request.host === `api-${kind}.apple.com`);
    expect(api.map((request) => `${request.path}?${request.query}`)).toEqual(['/v1/mdmServers?limit=1', '/v1/orgDevices?limit=1']);
    // The token came from the mock and was accepted by it.
    expect(env.apple.issuedTokens()).toBe(1);
  });

  it('accepts the key in any of the three encodings', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const account = env.apple.addApiAccount({ kind: 'business', publicKey: pair.publicKey });
    for (const privateKey of [
      pair.privateKey.export({ type: 'sec1', format: 'pem' }) as string,
      pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    ]) {
      const report = await appleBusiness.test({ ...account, privateKey: privateKey.replace(/\n/g, '\r\n') }, ctx);
      expect(report.ok).toBe(true);
    }
  });

  it('reports the lifetime Apple gives', async () => {
    env.apple.setTokenLifetime(900);
    const account = env.apple.addApiAccount({ kind: 'business' });
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx);
    expect(report.tokenExpiresIn).toBe(900);
    expect(report.message).toMatch(/15 minutes/);
  });

  it('stops before any request when the private key is missing', async () => {
    const report = await appleBusiness.test({ ...business, privateKey: '' }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'INCOMPLETE_CREDENTIAL', steps: [] });
    expect(report.message).toMatch(/^Add the private key \(\.pem\)/);
    expect(env.server.requests).toHaveLength(0);
  });

  it('stops before any request when the file is not a usable key', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    const report = await appleBusiness.test({ ...business, privateKey: p384 }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/P-384/) });
    expect(env.server.requests).toHaveLength(0);
  });

  it("says the key does not belong to the account when it is another account's key (invalid_client)", async () => {
    const mine = env.apple.addApiAccount({ kind: 'business' });
    const other = env.apple.addApiAccount({ kind: 'business' });
    const report = await appleBusiness.test({ clientId: mine.clientId, keyId: mine.keyId, privateKey: other.privateKeyPem }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(report.message).toMatch(/private key does not belong to this Client ID \/ Key ID, or it was revoked/);
    expect(env.apple.lastTokenRejection()).toBe('signature');
    expect(report.steps).toEqual([expect.objectContaining({ name: 'Token (account.apple.com)', ok: false, status: 400 })]);
  });

  it('says the same when the key was revoked', async () => {
    const account = env.apple.addApiAccount({ kind: 'school' });
    env.apple.revoke(account.clientId);
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/revoked/) });
    expect(report.message).toMatch(/school\.apple\.com/);
  });

  it('explains a Business / School mix-up (invalid_scope)', async () => {
    // A School Manager account whose Client ID carries the Business prefix: Keyhold asks for
    // business.api and Apple refuses the scope for this account.
    const account = env.apple.addApiAccount({ kind: 'school', clientId: 'BUSINESSAPI.1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5' });
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(report.message).toMatch(/refused the scope business\.api .* Apple School Manager \(school\.apple\.com\), not Apple Business/);
    expect(env.apple.lastTokenRejection()).toMatch(/scope business\.api for a school account/);
  });

  it.each([
    ['seconds', '42', 42],
    ['an HTTP date', 'http-date', 90],
  ])('honours Retry-After given in %s on the token call', async (_, header, seconds) => {
    const fixedNow = Date.UTC(2025, 9, 1, 12, 0, 0);
    ctx.now = () => fixedNow;
    env.apple.setRateLimit(header === 'http-date' ? new Date(fixedNow + 90_000).toUTCString() : header, 'token');
    const account = env.apple.addApiAccount({ kind: 'business' });
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'RATE_LIMITED', details: { retryAfter: seconds } });
    expect(report.message).toMatch(new RegExp(`account\\.apple\\.com is rate-limiting token requests; try again in ${seconds} s`));
  });

  it('honours Retry-After on the API calls', async () => {
    env.apple.setRateLimit(7, 'api');
    const account = env.apple.addApiAccount({ kind: 'business' });
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'RATE_LIMITED', details: { retryAfter: 7 }, tokenExpiresIn: 3600 });
    expect(report.message).toMatch(/api-business\.apple\.com is rate-limiting API calls/);
  });

  it.each(['token', 'api'] as const)('calls an HTML error page on the %s call an unexpected response', async (on) => {
    env.apple.setHtmlError(on === 'token' ? 401 : 403, on);
    const account = env.apple.addApiAccount({ kind: 'business' });
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE', message: expect.stringMatching(/web page instead of/) });
  });

  it('calls a web page with status 200 an unexpected response (a portal or proxy answering)', async () => {
    env.apple.setHtmlError(200, 'api');
    const account = env.apple.addApiAccount({ kind: 'school' });
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE', message: 'api-school.apple.com answered the MDM server list with a web page instead of API data.' });
  });

  it('calls a server error an unexpected response', async () => {
    env.apple.setFailure(503, 'token');
    const account = env.apple.addApiAccount({ kind: 'business' });
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'UNEXPECTED_RESPONSE', message: expect.stringMatching(/server error .*HTTP 503/) });
  });

  it('reports a missing Apple Business permission as permission rows, not a failure', async () => {
    const account = env.apple.addApiAccount({ kind: 'business', permissions: ['View Apps.'] });
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx);
    expect(report.ok).toBe(true);
    expect(report.permissions).toEqual([
      { name: 'MDM servers', granted: false },
      { name: 'Devices', granted: false },
    ]);
    expect(report.message).toContain(VIEW_DEVICES);
  });

  it('refuses a token the API no longer accepts (401 after a revoke) as invalid credentials', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    // Revoke as soon as the token is issued, before the first read.
    const http: TestContext['http'] = async (url, request) => {
      const response = await env.http(url, request);
      if (url.startsWith('https://account.apple.com')) env.apple.revoke(account.clientId);
      return response;
    };
    const report = await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, { ...ctx, http });
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/HTTP 401/) });
  });

  it('creates a long-lived assertion the token endpoint accepts', async () => {
    const account = env.apple.addApiAccount({ kind: 'school' });
    const now = Date.now();
    const { assertion, expiresAt } = await appleBusiness.createAssertion!({ ...account, privateKey: account.privateKeyPem }, { days: 180, now });
    expect(Date.parse(expiresAt) - now).toBeGreaterThan(179 * 86_400_000);
    const response = await env.http(TOKEN_URL, {
      form: {
        grant_type: 'client_credentials',
        client_id: account.clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: 'school.api',
      },
    });
    expect(response.status).toBe(200);
  });

  it.skipIf(!hasCurl())('gives a curl command that gets a token with a created assertion', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const values = { ...account, privateKey: account.privateKeyPem };
    const command = appleBusiness.curl!(values);
    expect(command).not.toContain(account.privateKeyPem.split('\n')[1]);
    const { assertion } = await appleBusiness.createAssertion!(values, { days: 1 });
    // Point curl at the mock (self-signed) without changing the command's URL.
    const local = command.replace('curl -sS', `curl -sS -k --max-time 10 --connect-to account.apple.com:443:127.0.0.1:${env.server.port}`);
    // Asynchronous: the mock server answers from this same process.
    const { stdout } = await promisify(execFile)('sh', ['-c', local], { env: { ...process.env, CLIENT_ASSERTION: assertion }, timeout: 10_000 });
    expect(JSON.parse(stdout)).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'business.api' });
  });

  it('never puts the key, the assertion or the token in a report', async () => {
    const account = env.apple.addApiAccount({ kind: 'business' });
    const other = env.apple.addApiAccount({ kind: 'business' });
    const reports = [
      await appleBusiness.test({ ...account, privateKey: account.privateKeyPem }, ctx),
      await appleBusiness.test({ ...account, privateKey: other.privateKeyPem }, ctx),
    ];
    const text = JSON.stringify(reports);
    const secrets = [account.privateKeyPem, other.privateKeyPem].flatMap((pem) => pem.split('\n').slice(1, -1));
    for (const request of tokenRequests()) secrets.push(request.form!.get('client_assertion')!);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/eyJ/); // no JWT
  });
});
