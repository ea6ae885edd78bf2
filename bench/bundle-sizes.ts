// Bundle sizes: gzip size of what each entry loads before its first paint. A page counts its
// HTML's module script, every chunk that script imports statically (followed recursively) and its
// stylesheets; chunks it only imports dynamically are listed apart as "lazy". The background and
// each content script count their own file and its static imports.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Metric } from './metric';

const KB = 1000;

export interface EntrySize {
  entry: string;
  files: string[];
  lazy: string[];
  bytes: number;
  gzip: number;
}

const gzipOf = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** Static and dynamic imports of one built module (minified ESM: `from"./x.js"`, `import"./x.js"`, `import("./x.js")`). */
function importsOf(source: string): { staticImports: string[]; dynamicImports: string[] } {
  const staticImports = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)].map((m) => m[1]);
  const dynamicImports = [...source.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)].map((m) => m[1]);
  // Vite lists a lazy chunk's own dependencies in __vite__mapDeps([...]); those load lazily too.
  const mapDeps = source.match(/__vite__mapDeps[^[]*\[([^\]]*)\]/);
  if (mapDeps) dynamicImports.push(...[...mapDeps[1].matchAll(/["']([^"']+\.(?:js|css))["']/g)].map((m) => m[1]));
  return { staticImports, dynamicImports };
}

function resolveIn(root: string, from: string, ref: string): string {
  return ref.startsWith('/') ? path.join(root, ref) : path.resolve(path.dirname(from), ref);
}

function closure(root: string, starts: string[]): { files: string[]; lazy: string[] } {
  const files = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const { staticImports, dynamicImports } = importsOf(fs.readFileSync(file, 'utf8'));
    for (const ref of staticImports) queue.push(resolveIn(root, file, ref));
    for (const ref of dynamicImports) lazy.add(ref.startsWith('.') ? resolveIn(root, file, ref) : path.join(root, ref));
  }
  for (const file of files) lazy.delete(file);
  return { files: [...files], lazy: [...lazy] };
}

function measure(root: string, entry: string, starts: string[]): EntrySize {
  const { files, lazy } = closure(root, starts);
  return {
    entry,
    files: files.map((f) => path.relative(root, f)),
    lazy: lazy.filter((f) => fs.existsSync(f)).map((f) => path.relative(root, f)),
    bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0),
    gzip: files.reduce((sum, f) => sum + gzipOf(f), 0),
  };
}

/** What an HTML page loads up front: module scripts, modulepreloads and stylesheets. */
function pageStarts(root: string, html: string): string[] {
  const source = fs.readFileSync(path.join(root, html), 'utf8');
  const refs = [
    ...[...source.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...source.matchAll(/<link\b[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]),
  ];
  return refs.map((ref) => resolveIn(root, path.join(root, html), ref));
}

export function entrySizes(root: string): EntrySize[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: Array<{ js?: string[] }>;
  };
  const sizes: EntrySize[] = [];
  for (const [entry, html] of [
    ['popup', 'popup.html'],
    ['side panel', 'sidepanel.html'],
    ['options', 'options.html'],
    ['hand-off page', 'handoff.html'],
  ] as const) {
    if (fs.existsSync(path.join(root, html))) sizes.push(measure(root, entry, pageStarts(root, html)));
  }
  const worker = manifest.background?.service_worker;
  if (worker) sizes.push(measure(root, 'background', [path.join(root, worker)]));
  const scripts = [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []))];
  for (const script of scripts) sizes.push(measure(root, `content script ${path.basename(script, '.js')}`, [path.join(root, script)]));
  return sizes;
}

/** React (or ReactDOM) bundled into a file: markers that survive minification. */
function hasReact(root: string, files: string[]): boolean {
  return files.some((file) =>
    /Symbol\.for\(["'`]react\.element["'`]\)|__reactContainer|react\.transitional\.element/.test(
      fs.readFileSync(path.join(root, file), 'utf8'),
    ),
  );
}

/** Gzip budgets in KB (issue #14); every content script gets CONTENT_SCRIPT_BUDGET. tests/e2e/bundle-budget.spec.ts enforces them. */
export const BUDGETS: Record<string, number | undefined> = { popup: 90, 'side panel': 90, options: 80, background: 60 };
export const CONTENT_SCRIPT_BUDGET = 12;

/**
 * Entries still over their issue #14 budget since the Jamf family (consoles five to seven: their
 * tests in the worker) landed: the most each may weigh
 * until the budget is met again. `npm test` fails above it, so these can only shrink; the bench
 * keeps reporting the budget itself as not met. Remove an entry once its budget holds. Where the
 * bytes go: `npx tsx scripts/bundle-map.ts` (docs/architecture.md, Rules).
 */
// The background is back under its 60 KB budget (59,949 B, December 2026): no entry needs a ceiling.
export const CEILINGS_WHILE_OVER_BUDGET: Record<string, number> = {};

export function bundleMetrics(root: string): { metrics: Metric[]; sizes: EntrySize[] } {
  const sizes = entrySizes(root);
  const metrics = sizes.map((size): Metric => {
    const kb = Math.round((size.gzip / KB) * 10) / 10;
    const isContent = size.entry.startsWith('content script');
    const budget = isContent ? CONTENT_SCRIPT_BUDGET : BUDGETS[size.entry];
    const react = isContent && hasReact(root, size.files);
    return {
      name: `bundle ${size.entry} (gzip)`,
      value: kb,
      unit: 'KB',
      min: kb,
      max: kb,
      target: budget === undefined ? 'report' : isContent ? `≤ ${budget} KB, no React` : `≤ ${budget} KB`,
      // Bytes, not the rounded figure: 60,044 B is over a 60 KB budget even though it prints as 60.0.
      met: budget === undefined ? true : size.gzip <= budget * KB && !react,
    };
  });
  return { metrics, sizes };
}
