// Test all: 50 (and 200) Jamf Pro credentials, each on its own Jamf Cloud instance (the one-test-per-server
// rule does not serialise them), every API answer held back 100 ms by the mock, concurrency 4.
// The ideal wall time is ceil(50 / 4) × (sequential round trips of one test × 100 ms): the round
// trips are counted from the mock's log of one single test (requests more than 50 ms apart start a
// new round; the privilege probes run side by side, so they are one round).
import { openBrowser, PASSPHRASE, INVENTORY_PRIVILEGES, timedCall, type BenchMocks } from './harness';
import { timing, type Metric } from './metric';
import { RUNS, summarise } from './stats';

const LATENCY_MS = 100;
const CONCURRENCY = 4; // TEST_ALL_CONCURRENCY in utils/background/lifecycle.ts

export function roundTrips(receivedAt: number[], gapMs = LATENCY_MS / 2): number {
  const sorted = [...receivedAt].sort((a, b) => a - b);
  let rounds = sorted.length ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] - sorted[i - 1] > gapMs) rounds++;
  return rounds;
}

export const testAllBench = (mocks: BenchMocks, extension: string) => testAllOf(50, mocks, extension);
export const testAllAtScale = (mocks: BenchMocks, extension: string) => testAllOf(200, mocks, extension);

async function testAllOf(count: number, mocks: BenchMocks, extension: string): Promise<Metric[]> {
  const browser = await openBrowser(mocks, extension);
  try {
    await browser.call('vault.create', { passphrase: PASSPHRASE });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const host = `bench-${String(i + 1).padStart(count > 99 ? 3 : 2, '0')}.jamfcloud.com`;
      const client = mocks.jamf.addClient({ host, privileges: INVENTORY_PRIVILEGES });
      const { id } = await browser.call('credentials.add', {
        vendor: 'jamf-pro',
        values: { baseUrl: `https://${host}`, clientId: client.clientId, clientSecret: client.clientSecret },
      });
      ids.push(id);
    }
    mocks.jamf.fault({ kind: 'delay', ms: LATENCY_MS }, { times: Infinity });

    // One test alone: its round trips define the ideal.
    const from = mocks.server.requests.length;
    const single = await timedCall(browser, 'credentials.test', { id: ids[0] });
    if (!single.reply.ok || !(single.reply.data as { ok?: boolean }).ok)
      throw new Error(`credentials.test did not pass: ${JSON.stringify(single.reply).slice(0, 300)}`);
    const log = mocks.server.requests.slice(from).filter((r) => r.host === `bench-${'1'.padStart(count > 99 ? 3 : 2, '0')}.jamfcloud.com` && r.path.startsWith('/api/'));
    const rounds = roundTrips(log.map((r) => r.receivedAt));
    const ideal = Math.ceil(count / CONCURRENCY) * rounds * LATENCY_MS;

    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { ms, reply } = await timedCall(browser, 'credentials.testAll', {});
      const progress = reply.data as { total?: number; ok?: number } | undefined;
      if (!reply.ok || progress?.ok !== count)
        throw new Error(`credentials.testAll did not pass all ${count}: ${JSON.stringify(reply).slice(0, 300)}`);
      samples.push(ms);
    }
    return [
      timing(
        `test all (${count} credentials, ${LATENCY_MS} ms latency, ${rounds} round trips/test)`,
        'ms',
        summarise(samples),
        '≤ 1.3 × ideal',
        ({ ratio }) => ratio! <= 1.3,
        ideal,
      ),
    ];
  } finally {
    await browser.close();
  }
}
