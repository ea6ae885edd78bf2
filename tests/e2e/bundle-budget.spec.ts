// Bundle budgets (gzip) of the built extension: each page with every chunk and stylesheet it loads
// up front, the background and each content script with their static imports. Sizes only: timings
// stay in `npm run bench`. No browser: it reads .output/chrome-mv3, which `npm test` builds first.
// The measuring code is the benchmark's own (bench/bundle-sizes.ts), so both report the same figures.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUDGETS, CEILINGS_WHILE_OVER_BUDGET, bundleMetrics, entrySizes } from '../../bench/bundle-sizes';

const build = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

test('every built entry stays within its gzip budget', () => {
  expect(fs.existsSync(path.join(build, 'manifest.json')), 'no Chrome build: run `npm run build` first').toBe(true);
  const { metrics, sizes } = bundleMetrics(build);
  const entries = sizes.map((size) => size.entry);
  // Every budgeted entry and at least one content script must be measured, or the test proves nothing.
  for (const entry of Object.keys(BUDGETS)) expect(entries, `${entry} was not found in the build`).toContain(entry);
  expect(entries.some((entry) => entry.startsWith('content script'))).toBe(true);

  const report = metrics.map((metric) => `${metric.name}: ${metric.value} KB (${metric.target})`).join('\n');
  test.info().annotations.push({ type: 'bundle sizes', description: report });
  // An entry over its budget may not pass its ceiling (bench/bundle-sizes.ts says why it has one).
  const ceilingOf = (entry: string) => CEILINGS_WHILE_OVER_BUDGET[entry];
  const over = metrics
    .map((metric, i) => ({ metric, size: sizes[i] }))
    .filter(({ metric, size }) => !metric.met && !(ceilingOf(size.entry) && size.gzip <= ceilingOf(size.entry) * 1000))
    .map(({ metric, size }) => `${metric.name}: ${size.gzip} B, budget ${metric.target}${ceilingOf(size.entry) ? `, ceiling ${ceilingOf(size.entry)} KB` : ''}`);
  expect(over, `over budget:\n${over.join('\n')}\n\nall entries:\n${report}`).toEqual([]);
});

test('no content script carries React', () => {
  const content = entrySizes(build).filter((size) => size.entry.startsWith('content script'));
  expect(content.length).toBeGreaterThan(0);
  for (const size of content)
    for (const file of size.files) expect(fs.readFileSync(path.join(build, file), 'utf8')).not.toMatch(/react\.transitional\.element|__reactContainer/);
});
