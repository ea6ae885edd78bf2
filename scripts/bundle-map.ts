// Where a bundle's bytes come from: builds the Chrome extension once with source maps into
// .output/bundle-map (the real build in .output/chrome-mv3 is left alone) and lists, for each
// chosen file, the source modules by minified bytes and by their gzip share (how much smaller the
// gzipped file gets without that module's code). Sizes only, no new dependency.
//   npx tsx scripts/bundle-map.ts [background.js content-scripts/jamf.js …] [--top 40] [--no-build] [--code]
// Without files: the background and every content script of the built manifest.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.output/bundle-map/chrome-mv3');
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 40;
const files = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--top');

if (!args.includes('--no-build')) {
  const config = path.join(root, '.output/wxt.bundle-map.config.ts');
  fs.mkdirSync(path.dirname(config), { recursive: true });
  // Same config as the real build, plus source maps and its own output folder.
  fs.writeFileSync(
    config,
    `import base from '../wxt.config';\nexport default { ...base, outDir: '.output/bundle-map', vite: () => ({ build: { sourcemap: true } }) };\n`,
  );
  execFileSync('npx', ['wxt', 'build', '-c', config, '--level', 'warn'], { cwd: root, stdio: 'inherit' });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one VLQ segment ("AAAA") into its numbers. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

const gzip = (text: string) => zlib.gzipSync(text, { level: 9 }).length;

function shortName(source: string): string {
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/\?.*$/, '');
  const nodeModules = clean.lastIndexOf('node_modules/');
  return nodeModules >= 0 ? clean.slice(nodeModules) : clean;
}

if (!files.length) {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  files.push('background.js', ...new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? [])));
}

for (const file of files) {
  let code = fs.readFileSync(path.join(outDir, file), 'utf8');
  // --code: blank out prose (string literals of 30+ characters holding a space), same length, so
  // the table shows code apart from the texts that are moving to locales/*.yml.
  if (args.includes('--code'))
    code = code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, (text) =>
      text.length > 30 && /\s/.test(text) ? text[0] + ' '.repeat(text.length - 2) + text[0] : text,
    );
  const map = JSON.parse(fs.readFileSync(path.join(outDir, `${file}.map`), 'utf8')) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  // For every source: its generated code, and the file with that code blanked out.
  const owner: Array<number[]> = lines.map((line) => new Array<number>(line.length).fill(-1));
  let source = 0;
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    let column = 0;
    const segments = lineMappings ? lineMappings.split(',').map(decodeSegment) : [];
    const starts: Array<{ column: number; source: number }> = [];
    for (const segment of segments) {
      column += segment[0];
      if (segment.length >= 4) source += segment[1];
      starts.push({ column, source: segment.length >= 4 ? source : -1 });
    }
    const line = owner[lineIndex] ?? [];
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].column : line.length;
      for (let c = start.column; c < end && c < line.length; c++) line[c] = start.source;
    });
  });
  const bytes = new Map<number, number>();
  for (const line of owner) for (const s of line) bytes.set(s, (bytes.get(s) ?? 0) + 1);
  const whole = gzip(code);
  const rows = [...bytes.entries()].map(([s, count]) => {
    const without = lines.map((line, l) => [...line].filter((_, c) => owner[l][c] !== s).join('')).join('\n');
    return { source: s < 0 ? '(unmapped: bundler glue)' : shortName(map.sources[s]), bytes: count, gzipShare: whole - gzip(without) };
  });
  // Group the same module seen under two names (e.g. with and without a query).
  const grouped = new Map<string, { bytes: number; gzipShare: number }>();
  for (const row of rows) {
    const seen = grouped.get(row.source) ?? { bytes: 0, gzipShare: 0 };
    grouped.set(row.source, { bytes: seen.bytes + row.bytes, gzipShare: seen.gzipShare + row.gzipShare });
  }
  const sorted = [...grouped.entries()].sort((a, b) => b[1].gzipShare - a[1].gzipShare);
  console.log(`\n${file}: ${code.length} B, ${whole} B gzip, ${sorted.length} modules`);
  for (const [name, row] of sorted.slice(0, top))
    console.log(`${String(row.gzipShare).padStart(7)} gz ${String(row.bytes).padStart(8)} B  ${name}`);
  const byFolder = new Map<string, number>();
  for (const [name, row] of sorted) {
    const folder = name.startsWith('node_modules/')
      ? name
          .split('/')
          .slice(0, name.split('/')[1].startsWith('@') ? 3 : 2)
          .join('/')
      : path.dirname(name);
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + row.gzipShare);
  }
  console.log('  by folder (gzip share):');
  for (const [folder, share] of [...byFolder.entries()].sort((a, b) => b[1] - a[1]))
    console.log(`${String(share).padStart(7)} gz  ${folder}`);
}
