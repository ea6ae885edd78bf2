// `npm run bench` (after `wxt build`): every benchmark in headless Chromium against the mock
// vendors, a table on the terminal, bench/results.json, and the table in the READMEs that carry
// the bench markers. Benchmarks report; they never fail the run for a missed target.
//
//   tsx bench/run.ts [--only=bundle,popup,pages200,capture,overhead,seal,unlock,test,testall,testall200] [--ext=<dir>]
//   BENCH_RUNS=20 tsx bench/run.ts      (more runs per timing; 10 is the floor)
import fs from 'node:fs';
import path from 'node:path';
import { bundleMetrics } from './bundle-sizes';
import { prepareBenchExtension } from './bench-extension';
import { captureLatency } from './capture-latency';
import { consoleOverhead } from './console-overhead';
import { startBenchMocks, type BenchMocks } from './harness';
import { markdownTable, textTable, type Metric } from './metric';
import { pagesReadyAtScale, popupReady } from './popup-ready';
import { seal } from './seal';
import { testAllAtScale, testAllBench } from './test-all';
import { testOverhead } from './test-overhead';
import { unlock } from './unlock';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'bench/results.json');
const READMES = [path.join(ROOT, 'bench/README.md'), path.join(ROOT, 'README.md')];
const START = '<!-- bench:table:start -->';
const END = '<!-- bench:table:end -->';

type Bench = (mocks: BenchMocks, extension: string) => Promise<Metric[]>;
const BENCHES: Array<[string, string, Bench]> = [
  ['popup', 'popup ready', popupReady],
  ['pages200', 'popup and side panel ready, 200 credentials', pagesReadyAtScale],
  ['capture', 'capture latency', captureLatency],
  ['overhead', 'console overhead', consoleOverhead],
  ['seal', 'seal', seal],
  ['unlock', 'unlock', unlock],
  ['test', 'test overhead', testOverhead],
  ['testall', 'test all', testAllBench],
  ['testall200', 'test all, 200 credentials', testAllAtScale],
];

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

function updateReadme(file: string, table: string, when: string) {
  if (!fs.existsSync(file)) return;
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return;
  const block = `${START}\n_Last run: ${when}, ${process.platform}/${process.arch}, Node ${process.versions.node}._\n\n${table}\n${END}`;
  fs.writeFileSync(file, text.slice(0, start) + block + text.slice(end + END.length));
}

async function main() {
  const started = Date.now();
  const only = option('only')?.split(',');
  const built = path.resolve(option('ext') ?? path.join(ROOT, '.output/chrome-mv3'));
  const metrics: Metric[] = [];
  const wanted = (key: string) => !only || only.includes(key);

  if (wanted('bundle')) {
    const { metrics: sizes, sizes: details } = bundleMetrics(built);
    metrics.push(...sizes);
    for (const size of details) {
      console.log(
        `bundle ${size.entry}: ${(size.gzip / 1000).toFixed(1)} KB gzip, ${(size.bytes / 1000).toFixed(1)} KB raw · ${size.files.join(', ')}${size.lazy.length ? ` · lazy: ${size.lazy.join(', ')}` : ''}`,
      );
    }
  }
  const browserBenches = BENCHES.filter(([key]) => wanted(key));
  if (browserBenches.length) {
    const bench = await prepareBenchExtension(built);
    const mocks = await startBenchMocks();
    try {
      for (const [, title, run] of browserBenches) {
        const t0 = Date.now();
        process.stdout.write(`${title}… `);
        try {
          const result = await run(mocks, bench.dir);
          metrics.push(...result);
          console.log(
            `${((Date.now() - t0) / 1000).toFixed(1)} s · ${result.map((m) => `${m.name} ${m.value} ${m.unit}${m.ratio !== undefined ? ` (×${m.ratio.toFixed(2)})` : ''}`).join(' · ')}`,
          );
        } catch (error) {
          console.log(
            `failed after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          process.exitCode = 1;
        }
      }
    } finally {
      await mocks.server.close();
      bench.remove();
    }
  }

  console.log(`\n${textTable(metrics)}\n`);
  const missed = metrics.filter((m) => !m.met);
  console.log(missed.length ? `Targets missed: ${missed.map((m) => m.name).join('; ')}.` : 'Every target met.');
  console.log(`Bench took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  if (!only) {
    fs.writeFileSync(RESULTS, `${JSON.stringify(metrics, null, 2)}\n`);
    const table = markdownTable(metrics);
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    for (const file of READMES) updateReadme(file, table, when);
    console.log(`Wrote ${path.relative(ROOT, RESULTS)}.`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
