import { describe, expect, it } from 'vitest';
import { runLimited } from './run-limited';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runLimited', () => {
  it('never exceeds the global limit nor one task per key, and finishes everything', async () => {
    let running = 0;
    let peak = 0;
    const perKey = new Map<string, number>();
    const peakPerKey = new Map<string, number>();
    const keys = ['iru:a', 'iru:a', 'iru:a', 'jamf:x', 'jamf:x', undefined, undefined, undefined, undefined, 'iru:b'];
    const tasks = keys.map((key, index) => ({
      key,
      run: async () => {
        running++;
        peak = Math.max(peak, running);
        if (key) {
          perKey.set(key, (perKey.get(key) ?? 0) + 1);
          peakPerKey.set(key, Math.max(peakPerKey.get(key) ?? 0, perKey.get(key)!));
        }
        await sleep(10 + (index % 3) * 5);
        if (key) perKey.set(key, perKey.get(key)! - 1);
        running--;
        if (index === 7) throw new Error('boom');
        return index;
      },
    }));
    const settled: number[] = [];
    const results = await runLimited(tasks, 4, (index) => settled.push(index));
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThan(1);
    for (const value of peakPerKey.values()) expect(value).toBe(1);
    expect(settled.sort((a, b) => a - b)).toEqual([...keys.keys()]);
    expect(results[7].status).toBe('rejected');
    expect(results[3]).toEqual({ status: 'fulfilled', value: 3 });
  });

  it('approaches the ideal wall time for independent tasks', async () => {
    const started = performance.now();
    await runLimited(Array.from({ length: 8 }, () => ({ run: () => sleep(40) })), 4);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(78);
    expect(elapsed).toBeLessThan(160);
  });

  it('resolves at once for no tasks', async () => {
    expect(await runLimited([], 4)).toEqual([]);
  });
});
