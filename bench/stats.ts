// Small statistics for the benchmarks: median, min and max of a sample, rounded for display.

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(samples: number[]): Summary {
  if (!samples.length) throw new Error('No samples to summarise.');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Round to a precision that suits the magnitude (1234.5 → 1235, 12.345 → 12.3, 1.2345 → 1.23). */
export function round(value: number): number {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How many timed runs each timing gets (at least 10; BENCH_RUNS raises it). */
export const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 10) || 10);
