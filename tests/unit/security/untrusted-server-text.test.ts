// Text from vendor servers is untrusted: a version string or an organization name of a megabyte,
// with terminal escapes and line breaks, is cut to one short line before it is stored or shown.
// Behind that, the stored report is cut to size by its schema, and a capture that was stored is
// reported as stored even when its test result cannot be written.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startMocksWithClient } from '../../helpers/mock-fetch';
import { registryMock } from '../support/fake-vendor';
import { clampReport, untrustedText } from '../../../utils/untrusted-text';
import { jamfProCredential } from '../../../utils/vendors/jamf-pro/jamf-pro';
import { jumpcloudApiKey } from '../../../utils/vendors/jumpcloud/api-key';
import type { TestReport } from '../../../utils/protocol';
import { CONSOLE_URL, PASS, self, senders, VALUES } from './fixtures';

vi.mock('../../../utils/vendors/registry', () => registryMock);
const { routeMessage } = await import('../../../utils/background/router');
const { saveTestResult } = await import('../../../utils/background/credential-store');

const CONTROL = /[\0-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const MEGABYTE = 1024 * 1024;
const hostile = (fill: string) => `\u001b]0;owned\u0007\u009b2J\r\n\u202e${fill.repeat(MEGABYTE)}`;

describe('untrustedText and clampReport', () => {
  it('keep one trimmed line, at most the length asked, cut with an ellipsis', () => {
    expect(untrustedText('  11.10.1-t1728390485 ')).toBe('11.10.1-t1728390485');
    expect(untrustedText('a\r\nb\u2028c\u001b[2Jd\u202ee')).toBe('a b c [2Jd e');
    expect(untrustedText(hostile('x'), 100)).toHaveLength(100);
    expect(untrustedText(hostile('x'), 100)).toMatch(/^\]0;owned 2J x+…$/);
    expect(untrustedText('😀'.repeat(10), 5)).toBe('😀😀…');
    expect(untrustedText(42)).toBeUndefined();
  });

  it('bound every string, array and nesting of a report, the message to 2,000 characters', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: 'too deep' } } } } } } };
    const report = clampReport({
      ok: true,
      message: 'm'.repeat(5000),
      steps: [{ name: hostile('s'), ok: true, ms: 1 }],
      details: { list: Array(500).fill('x'), deep, n: 1, none: null },
    });
    expect(report.message).toHaveLength(2000);
    expect(report.steps[0].name.length).toBeLessThanOrEqual(300);
    expect(report.details.list).toHaveLength(200);
    expect(report.details).toMatchObject({ n: 1, none: null });
    expect(JSON.stringify(report.details.deep)).not.toContain('too deep');
    expect(JSON.stringify(report)).not.toMatch(CONTROL);
  });
});

describe('vendor modules read server text through untrustedText', () => {
  let env: Awaited<ReturnType<typeof startMocksWithClient>>;
  beforeAll(async () => {
    env = await startMocksWithClient();
  });
  afterAll(() => env.close());
  beforeEach(() => {
    for (const mock of env.all) mock.reset();
  });

  it('Jamf Pro: a megabyte version string with escapes becomes one short line in details and verdict', async () => {
    const client = env.jamf.addClient({ privileges: ['Read Computers'] });
    env.jamf.setVersion(hostile('9'));
    const report = await jamfProCredential.test(
      { baseUrl: 'https://acme.jamfcloud.com', clientId: client.clientId, clientSecret: client.clientSecret! },
      { http: env.http, now: () => Date.now() },
    );
    expect(report.ok, report.message).toBe(true);
    const version = report.details?.version as string;
    expect(version.length).toBeLessThanOrEqual(100);
    expect(version).not.toMatch(CONTROL);
    expect(report.message.length).toBeLessThan(400);
    expect(report.message).not.toMatch(CONTROL);
  });

  it('JumpCloud: organization names of a megabyte with escapes become one short line in the picker', async () => {
    const orgs = [{ id: 'a'.repeat(24), name: hostile('n') }];
    const { key } = env.jumpcloud.addApiKey({ multiTenant: true, orgs });
    const report = await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, { http: env.http, now: () => Date.now() });
    expect(report).toMatchObject({ ok: false, code: 'ORGANIZATION_REQUIRED' });
    const [org] = report.details?.organizations as Array<{ id: string; name: string }>;
    expect(org.name.length).toBeLessThanOrEqual(200);
    expect(org.name).not.toMatch(CONTROL);
    expect(JSON.stringify(report.details?.choice)).not.toMatch(/\\u00(1b|9b)|\\r|\\n/);
  });
});

describe('storing a test result', () => {
  const captureFrom = (values = VALUES) =>
    routeMessage({ type: 'capture.submit', payload: { vendor: 'jamf-pro', values } }, senders.contentScript, self);

  beforeEach(async () => {
    fakeBrowser.reset();
    fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
    await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, senders.page, self);
  });

  it('cuts an oversized report to size instead of failing the write (the schema is the second line)', async () => {
    expect((await captureFrom()).ok).toBe(true);
    const [{ id }] = ((await routeMessage({ type: 'credentials.list' }, senders.page, self)) as unknown as { data: Array<{ id: string }> })
      .data;
    const huge: TestReport = {
      ok: true,
      message: `Jamf Pro ${hostile('v')}`.slice(0, 1999),
      steps: [{ name: hostile('s'), ok: true, ms: 1 }],
      details: { version: hostile('v') },
    };
    await saveTestResult(id, huge, 5);
    const list = (await routeMessage({ type: 'credentials.list' }, senders.page, self)) as unknown as {
      data: Array<{ corrupted?: boolean; lastTest: TestReport }>;
    };
    expect(list.data[0].corrupted).toBeUndefined();
    expect((list.data[0].lastTest.details?.version as string).length).toBeLessThanOrEqual(300);
    expect(JSON.stringify(list.data[0].lastTest)).not.toMatch(/\\u00(1b|9b)|\\r|\\n/);
  });

  it('a capture whose test result cannot be written is still reported as stored, with its verdict', async () => {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    // Every write of a record that carries a test result fails (quota, a damaged store…).
    fakeBrowser.storage.local.set = vi.fn(async (items: Record<string, unknown>) => {
      if (Object.values(items).some((item) => item && typeof item === 'object' && 'lastTest' in item)) throw new Error('write failed');
      return set(items);
    }) as never;
    const reply = await routeMessage(
      { type: 'capture.submit', payload: { vendor: 'jamf-pro', values: VALUES } },
      { ...senders.contentScript, url: CONSOLE_URL },
      self,
    );
    expect(reply).toMatchObject({ ok: true, data: { updated: false, test: { ok: true } } });
    const list = (await routeMessage({ type: 'credentials.list' }, senders.page, self)) as unknown as {
      data: Array<{ id: string; lastTest?: unknown }>;
    };
    expect(list.data).toHaveLength(1);
    expect(list.data[0].id).toBe((reply as { data: { id: string } }).data.id);
  });
});
