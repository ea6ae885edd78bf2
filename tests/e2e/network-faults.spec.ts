// Network faults through the real extension, against the strict Jamf Pro mock: every fault gives
// its error code and a plain message naming the host (never a response body or a secret), never
// hangs, and is stored as the credential's last result with that code and message; the same
// credential then tests fine again. Also: a browser that does not trust a self-hosted server's
// certificate, and a service worker stopped in the middle of a test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, PASSPHRASE, type ExtensionHandle, type Mocks } from './fixtures';
import { extensionDir, launchWithExtension } from './launch';
import type { CredentialSummary, TestReport } from '../../utils/protocol';
import type { JamfFault, FaultOptions } from '../mock-vendors/jamf-pro';

const PRIVILEGES = ['Read Computers', 'Read Mobile Devices', 'Read Buildings', 'Read Departments', 'Read Smart Computer Groups', 'Read Static Computer Groups'];

async function addJamfCredential(extension: ExtensionHandle, mocks: Mocks, host = 'acme.jamfcloud.com') {
  const client = mocks.jamf.addClient({ host, privileges: PRIVILEGES });
  const { id } = await extension.call('credentials.add', {
    vendor: 'jamf-pro',
    values: { baseUrl: `https://${host}`, clientId: client.clientId, clientSecret: client.clientSecret },
  });
  return { id, secret: client.clientSecret! };
}

async function stored(extension: ExtensionHandle, id: string): Promise<CredentialSummary> {
  const found = (await extension.call('credentials.list')).find((credential) => credential.id === id);
  if (!found) throw new Error(`credential ${id} is gone`);
  return found;
}

/** The report is a failure with this code, in Keyhold's own words, and the stored record says the same. */
async function expectStoredFailure(extension: ExtensionHandle, id: string, report: TestReport, code: string, message: RegExp, secret: string) {
  expect(report).toMatchObject({ ok: false, code });
  expect(report.message).toMatch(message);
  expect(report.message).toContain('jamfcloud.com');
  for (const leak of [secret, '<', 'eyJ', '{', 'Sign in', 'INTERNAL_SERVER_ERROR', 'TOO_MANY_REQUESTS']) expect(report.message).not.toContain(leak);
  const summary = await stored(extension, id);
  expect(summary.corrupted).toBeUndefined();
  expect(summary.lastTest).toMatchObject({ ok: false, code, message: report.message });
  expect(summary.history?.at(-1)).toMatchObject({ ok: false, code });
}

async function expectWorksAgain(extension: ExtensionHandle, id: string) {
  const again = await extension.call('credentials.test', { id });
  expect(again, again.message).toMatchObject({ ok: true });
  expect((await stored(extension, id)).lastTest).toMatchObject({ ok: true });
}

const faults: Array<{ name: string; fault: JamfFault; options: FaultOptions; code: string; message: RegExp; retryAfter?: number }> = [
  {
    name: '429 with Retry-After',
    fault: { kind: 'rate-limit', retryAfter: 17 },
    options: { path: '/v1/oauth/token' },
    code: 'RATE_LIMITED',
    message: /rate-limiting requests; try again in 17 s/,
    retryAfter: 17,
  },
  { name: '500 on the token request', fault: { kind: 'server-error' }, options: { path: '/v1/oauth/token' }, code: 'UNEXPECTED_RESPONSE', message: /server error on the token request \(HTTP 500\)/ },
  {
    name: '503 HTML page after the token',
    fault: { kind: 'server-error', status: 503 },
    options: { path: '/v1/jamf-pro-version' },
    code: 'UNEXPECTED_RESPONSE',
    message: /server error on the version request \(HTTP 503\)/,
  },
  { name: 'an HTML sign-in page instead of JSON', fault: { kind: 'html' }, options: { path: '/v1/oauth/token' }, code: 'UNEXPECTED_RESPONSE', message: /web page instead of Jamf Pro API data/ },
  { name: 'malformed JSON', fault: { kind: 'malformed-json' }, options: { path: '/v1/oauth/token' }, code: 'UNEXPECTED_RESPONSE', message: /data Keyhold could not read/ },
  // Every time: Chromium retries a request whose reused connection was reset before any answer.
  { name: 'a connection reset', fault: { kind: 'reset' }, options: { path: '/v1/oauth/token', times: Infinity }, code: 'NETWORK_ERROR', message: /Could not reach acme\.jamfcloud\.com/ },
];

test('each network fault gives its code and a plain message, is stored as the reason, and the credential then works again', async ({ extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const { id, secret } = await addJamfCredential(extension, mocks);
  await expectWorksAgain(extension, id);

  for (const { name, fault, options, code, message, retryAfter } of faults) {
    await test.step(name, async () => {
      mocks.jamf.fault(fault, options);
      const started = Date.now();
      const report = await extension.call('credentials.test', { id });
      expect(Date.now() - started).toBeLessThan(10_000);
      await expectStoredFailure(extension, id, report, code, message, secret);
      if (retryAfter !== undefined) expect(report.details?.retryAfter).toBe(retryAfter);
      mocks.jamf.clearFaults();
      await expectWorksAgain(extension, id);
    });
  }

  await test.step('a slow drip that finishes in time is simply slow, not a failure', async () => {
    mocks.jamf.fault({ kind: 'drip', ms: 150 }, { path: '/v1/jamf-pro-version' });
    const report = await extension.call('credentials.test', { id });
    expect(report, report.message).toMatchObject({ ok: true });
    const version = report.steps.find((step) => step.name.includes('jamf-pro-version'));
    expect(version?.ms).toBeGreaterThan(1000);
  });
});

test('no answer, or a body dripping slower than the budget: TIMEOUT at 25 s, never a hang', async ({ extension, mocks }) => {
  test.setTimeout(90_000);
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const silent = await addJamfCredential(extension, mocks, 'acme.jamfcloud.com');
  const dripping = await addJamfCredential(extension, mocks, 'beta.jamfcloud.com');
  await expectWorksAgain(extension, silent.id);
  await expectWorksAgain(extension, dripping.id);

  mocks.jamf.fault({ kind: 'delay', ms: 26_000 }, { path: '/v1/oauth/token', host: 'acme.jamfcloud.com' });
  // The token answer (~400 bytes) four bytes every 400 ms: about 40 s to finish.
  mocks.jamf.fault({ kind: 'drip', ms: 400 }, { path: '/v1/oauth/token', host: 'beta.jamfcloud.com' });
  const started = Date.now();
  const [silentReport, drippingReport] = await Promise.all([
    extension.call('credentials.test', { id: silent.id }).then((report) => ({ report, ms: Date.now() - started })),
    extension.call('credentials.test', { id: dripping.id }).then((report) => ({ report, ms: Date.now() - started })),
  ]);
  // The 25 s budget, plus the round trip through the extension; nothing waits for the server.
  for (const { ms } of [silentReport, drippingReport]) {
    expect(ms).toBeGreaterThanOrEqual(24_500);
    expect(ms).toBeLessThan(28_000);
  }
  await expectStoredFailure(extension, silent.id, silentReport.report, 'TIMEOUT', /^acme\.jamfcloud\.com did not answer within 25 seconds\.$/, silent.secret);
  await expectStoredFailure(
    extension,
    dripping.id,
    drippingReport.report,
    'TIMEOUT',
    /^beta\.jamfcloud\.com started answering but sent its response too slowly: it did not finish within 25 seconds\.$/,
    dripping.secret,
  );
  await expectWorksAgain(extension, silent.id);
  await expectWorksAgain(extension, dripping.id);
});

test('a self-hosted Jamf Pro whose certificate the browser does not trust: NETWORK_ERROR saying so, then works once trusted', async ({ mocks }) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-tls-'));
  const extension = path.join(work, 'extension');
  const profileDir = path.join(work, 'profile');
  // Simulate the admin's grant for this one self-hosted origin (see self-hosted.spec.ts for why).
  fs.cpSync(extensionDir, extension, { recursive: true });
  const manifestPath = path.join(extension, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions.push('https://jamf.example.org/*');
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  const client = mocks.jamf.addClient({ host: 'jamf.example.org', privileges: PRIVILEGES });
  const base = 'https://jamf.example.org:8443/jamf';
  const doorOf = async (launched: Awaited<ReturnType<typeof launchWithExtension>>) => {
    const door = await launched.context.newPage();
    await door.goto(`chrome-extension://${launched.extensionId}/options.html`);
    return (type: string, payload?: unknown) => door.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
  };

  try {
    // A browser that trusts only real certificate authorities: the mock's self-signed one is not.
    let launched = await launchWithExtension({ hostResolverRules: mocks.server.hostResolverRules, extension, profileDir, ignoreCertificateErrors: false });
    let send = await doorOf(launched);
    expect((await send('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
    const { data: added } = await send('credentials.add', { vendor: 'jamf-pro', values: { baseUrl: base, clientId: client.clientId, clientSecret: client.clientSecret } });
    const started = Date.now();
    const { data: report } = await send('credentials.test', { id: added.id });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report).toMatchObject({ ok: false, code: 'NETWORK_ERROR' });
    expect(report.message).toContain('jamf.example.org:8443');
    expect(report.message).toContain('certificate is not trusted by the browser');
    // The handshake failed: no request (and so no secret) ever reached the server.
    expect(mocks.server.requests.filter((request) => request.host === 'jamf.example.org')).toHaveLength(0);
    const [summary] = (await send('credentials.list')).data;
    expect(summary.lastTest).toMatchObject({ ok: false, code: 'NETWORK_ERROR', message: report.message });
    await launched.close();

    // The admin installs the server's certificate (here: a browser that accepts it): the same credential works.
    launched = await launchWithExtension({ hostResolverRules: mocks.server.hostResolverRules, extension, profileDir });
    send = await doorOf(launched);
    expect((await send('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    const { data: again } = await send('credentials.test', { id: added.id });
    expect(again).toMatchObject({ ok: true });
    await launched.close();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('a service worker stopped in the middle of a test leaves no half-written state, and the next test runs normally', async ({ extension, mocks }) => {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const { id } = await addJamfCredential(extension, mocks);
  await expectWorksAgain(extension, id);
  const before = await stored(extension, id);

  // The token is issued, then the version request hangs: the worker is stopped while it waits.
  mocks.jamf.fault({ kind: 'delay', ms: 8_000 }, { path: '/v1/jamf-pro-version' });
  const versionCalls = () => mocks.server.requests.filter((request) => request.path === '/api/v1/jamf-pro-version').length;
  const earlier = versionCalls();
  const pending = extension.send('credentials.test', { id }).then(
    (reply) => ({ reply }),
    (error: Error) => ({ error: error.message }),
  );
  await expect.poll(versionCalls).toBe(earlier + 1);
  await extension.stopServiceWorker();
  // The page's request dies with the worker: no verdict at all, certainly not a made-up one.
  expect(await pending).toMatchObject({ error: expect.stringContaining('message channel closed') });

  // A fresh worker finds exactly the record as it was before the interrupted test.
  const after = await stored(extension, id);
  expect(after).toEqual(before);
  expect((await extension.call('vault.status')).state).toBe('unlocked');
  const audit = await extension.call('audit.list');
  expect(audit.filter((entry) => entry.event === 'tested')).toHaveLength(1);

  // And the next test runs normally, recorded once.
  mocks.jamf.clearFaults();
  await expectWorksAgain(extension, id);
  const next = await stored(extension, id);
  expect(next.history).toHaveLength((before.history?.length ?? 0) + 1);
  expect(next.corrupted).toBeUndefined();
});
