// Unlock: vault.unlock with the passphrase (PBKDF2-SHA-256, 600,000 iterations, then the vault
// key is unwrapped), timed from an extension page. The floor is a bare PBKDF2 of the same cost in
// the same service worker, so "slow by design" is told apart from "slower than it needs to be".
import { openBrowser, PASSPHRASE, timedCall, type BenchMocks } from './harness';
import { timing, type Metric } from './metric';
import { RUNS, summarise } from './stats';

export async function unlock(mocks: BenchMocks, extension: string): Promise<Metric[]> {
  const browser = await openBrowser(mocks, extension);
  try {
    await browser.call('vault.create', { passphrase: PASSPHRASE });
    const worker = await browser.worker();
    const samples = { unlock: [] as number[], pbkdf2: [] as number[] };
    for (let run = -1; run < RUNS; run++) {
      await browser.call('vault.lock');
      const { ms, reply } = await timedCall(browser, 'vault.unlock', { passphrase: PASSPHRASE });
      if (!reply.ok) throw new Error(`vault.unlock failed: ${reply.error?.code}`);
      const bare = await worker.evaluate(async (passphrase) => {
        const started = performance.now();
        const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
        await crypto.subtle.deriveBits(
          { name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations: 600_000 },
          material,
          256,
        );
        return performance.now() - started;
      }, PASSPHRASE);
      if (run >= 0) {
        samples.unlock.push(ms);
        samples.pbkdf2.push(bare);
      }
    }
    const floor = summarise(samples.pbkdf2);
    return [
      timing('unlock (PBKDF2 600,000)', 'ms', summarise(samples.unlock), 'report; vs bare PBKDF2 in the worker', () => true, floor.median),
    ];
  } finally {
    await browser.close();
  }
}
