// Issue #18, lifecycle: a scheduled health check (Test all) runs one test at a time per Jamf
// Protect tenant and per Jamf Platform region (the gateway's edge blocks bursts from one address),
// with the real credential types; different tenants and regions still run side by side.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const running = new Map<string, number>();
const peak = new Map<string, number>();
let overall = 0;
let overallPeak = 0;
/** Where a test goes: the Protect tenant or the Platform region. */
const target = (vendor: string, values: Record<string, string>) =>
  vendor === 'jamf-protect' ? new URL(values.protectUrl).host : `${values.region}.api.jamfcloud.com`;

vi.mock('./test-runner', () => ({
  runCredentialTest: async (vendor: string, values: Record<string, string>) => {
    const key = target(vendor, values);
    running.set(key, (running.get(key) ?? 0) + 1);
    peak.set(key, Math.max(peak.get(key) ?? 0, running.get(key)!));
    overallPeak = Math.max(overallPeak, ++overall);
    await new Promise((resolve) => setTimeout(resolve, 15));
    running.set(key, running.get(key)! - 1);
    overall--;
    return { ok: true, message: 'fine', steps: [], testedAt: new Date().toISOString() };
  },
}));

const { createVault } = await import('./vault-service');
const store = await import('./credential-store');
const { runScheduledHealthCheck } = await import('./lifecycle');
const { validateValues } = await import('../vendors/validate-values');
const { getCredentialType } = await import('../vendors/registry');
/** As credentials.add stores them: through the type's values schema. */
const add = (vendor: 'jamf-protect' | 'jamf-platform', values: Record<string, string>) =>
  store.addRecord({ vendor, values: validateValues(getCredentialType(vendor), values) as Record<string, string> });

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
  running.clear();
  peak.clear();
  overall = 0;
  overallPeak = 0;
  await createVault('a long enough passphrase');
});

describe('health checks in the Jamf family', () => {
  it('one test at a time per Protect tenant and per Platform region, others in parallel', async () => {
    const protect = (host: string, n: number) =>
      add('jamf-protect', { protectUrl: host, clientId: `client-${n}`, password: `password-${n}-0000` });
    const platform = (region: string, n: number) =>
      add('jamf-platform', { region, clientId: `plt-${n}`, clientSecret: `secret-${n}-0000` });
    // The same tenant spelled three ways (the schema keeps one form), the same region three times.
    await protect('https://acme.protect.jamfcloud.com', 1);
    await protect('ACME.protect.jamfcloud.com/graphql', 2);
    await protect('https://acme.protect.jamfcloud.com/token', 3);
    await protect('https://beta.protect.jamfcloud.com', 4);
    await platform('eu', 5);
    await platform('eu', 6);
    await platform('https://eu.api.jamfcloud.com/auth/token', 7);
    await platform('us', 8);
    await runScheduledHealthCheck();
    expect([...peak.keys()].sort()).toEqual([
      'acme.protect.jamfcloud.com',
      'beta.protect.jamfcloud.com',
      'eu.api.jamfcloud.com',
      'us.api.jamfcloud.com',
    ]);
    expect(peak.get('acme.protect.jamfcloud.com')).toBe(1);
    expect(peak.get('eu.api.jamfcloud.com')).toBe(1);
    expect(overallPeak).toBeGreaterThan(1);
    const summaries = await store.listSummaries();
    expect(summaries.filter((s) => s.lastTest?.ok)).toHaveLength(8);
  });
});
