// Adding a console changes nothing outside its own folder and its mock's folder except one entry
// in each registry keyed by the vendor list: proved by scaffolding a throwaway console into a
// temporary copy of the sources, comparing every file before and after (the exact set of files
// created and changed, and the exact lines added), generating the content scripts the build would
// (modules/content-scripts) and letting the compiler check the result (the scaffolded tests
// themselves run when a real console is scaffolded; here the compiler's "every console id has an
// entry" is what matters).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyEntries } from '../../modules/content-scripts/family-entries';
import { scaffoldVendor } from '../../scripts/new-vendor';
import { handWrittenContentScripts, readContentScriptEntries } from './support/content-script-entries';

const root = path.resolve(__dirname, '../..');
/** What the compiler needs to check the vendor code, the pages and the unit tests. */
const copied = [
  'utils',
  'entrypoints',
  'modules',
  'components',
  'tests/unit',
  'tests/mock-vendors',
  'tests/mock-destinations',
  'tests/helpers',
  'scripts/new-vendor.ts',
  '.wxt',
  'tsconfig.json',
  'package.json',
];

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return entry.isFile() ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

const snapshot = (dir: string) =>
  new Map(
    listFiles(dir)
      .filter((file) => !file.startsWith('node_modules/'))
      .map((file) => [
        file,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, file)))
          .digest('hex'),
      ]),
  );

/** Lines added and removed between two versions of a file (a multiset diff is enough here). */
function lineDiff(before: string, after: string) {
  const count = (text: string) =>
    text.split('\n').reduce((map, line) => map.set(line, (map.get(line) ?? 0) + 1), new Map<string, number>());
  const [a, b] = [count(before), count(after)];
  const added = [...b].flatMap(([line, n]) => Array(Math.max(0, n - (a.get(line) ?? 0))).fill(line) as string[]);
  const removed = [...a].flatMap(([line, n]) => Array(Math.max(0, n - (b.get(line) ?? 0))).fill(line) as string[]);
  return { added, removed };
}

/** The files outside its two folders a new console changes: one registry line each. */
const REGISTRY_FILES = [
  'tests/mock-vendors/index.ts',
  'utils/vendors/console-registry.ts',
  'utils/vendors/content-scripts.ts',
  'utils/vendors/descriptions.ts',
  'utils/vendors/detector-registry.ts',
  'utils/vendors/registry.ts',
  'utils/vendors/vendor-ids.ts',
].sort();

describe('npm run new-vendor', () => {
  let temp: string;
  let before: Map<string, string>;
  let originals: Map<string, string>;
  let result: ReturnType<typeof scaffoldVendor>;

  beforeAll(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-new-vendor-'));
    for (const item of copied) fs.cpSync(path.join(root, item), path.join(temp, item), { recursive: true });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(temp, 'node_modules'), 'dir');
    before = snapshot(temp);
    originals = new Map([...before.keys()].map((file) => [file, fs.readFileSync(path.join(temp, file), 'utf8')]));
    result = scaffoldVendor(temp, 'throwaway-console', 'Throwaway Console');
  });

  /** The scaffolded tree's family list (what the build's module would read there). */
  const scaffoldedFamilies = async () =>
    (
      (await import(pathToFileURL(path.join(temp, 'utils/vendors/content-scripts.ts')).href)) as {
        contentScriptFamilies: Record<string, string>;
      }
    ).contentScriptFamilies;

  afterAll(() => {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  });

  it('creates files only in the console folder and its mock folder', () => {
    const after = snapshot(temp);
    const created = [...after.keys()].filter((file) => !before.has(file)).sort();
    expect(created).toEqual([...result.created].sort());
    for (const file of created) expect(file).toMatch(/^(utils\/vendors\/throwaway-console|tests\/mock-vendors\/throwaway-console)\//);
    // Detector, console, credential type, description, templates, guide, tests; and the mock.
    expect(created).toEqual(
      expect.arrayContaining([
        'utils/vendors/throwaway-console/detect.ts',
        'utils/vendors/throwaway-console/console.ts',
        'utils/vendors/throwaway-console/credential.ts',
        'utils/vendors/throwaway-console/description.ts',
        'utils/vendors/throwaway-console/templates.ts',
        'utils/vendors/throwaway-console/guide.ts',
        'utils/vendors/throwaway-console/index.ts',
        'utils/vendors/throwaway-console/permissions.md',
        'utils/vendors/throwaway-console/throwaway-console.test.ts',
        'utils/vendors/throwaway-console/throwaway-console.integration.test.ts',
        'tests/mock-vendors/throwaway-console/index.ts',
      ]),
    );
  });

  it('changes exactly the registries, each by its imports and one entry, and removes nothing', () => {
    const after = snapshot(temp);
    const changed = [...before.keys()].filter((file) => after.get(file) !== before.get(file)).sort();
    expect(changed).toEqual(REGISTRY_FILES);
    expect([...result.changed].sort()).toEqual(changed);
    for (const file of changed) {
      const { added, removed } = lineDiff(originals.get(file)!, fs.readFileSync(path.join(temp, file), 'utf8'));
      expect(removed, file).toEqual([]);
      const entries = added.filter((line) => !line.startsWith('import '));
      // vendor-ids.ts: the console's facts and its hosts (kept apart so the worker never bundles host lists).
      expect(entries.length, `${file}: ${entries.join(' | ')}`).toBe(file === 'utils/vendors/vendor-ids.ts' ? 2 : 1);
      for (const line of entries) expect(line).toMatch(/^ {2}(?:'throwaway-console'|throwawayConsole): /);
    }
  });

  it('changes nothing else outside the two folders: exactly the registry files, by their lines', () => {
    const after = snapshot(temp);
    const outside = [...new Set([...before.keys(), ...after.keys()])]
      .filter((file) => after.get(file) !== before.get(file))
      .filter((file) => !/^(utils\/vendors\/throwaway-console|tests\/mock-vendors\/throwaway-console)\//.test(file))
      .sort();
    expect(outside).toEqual(REGISTRY_FILES);
    // In particular no content-script entry: the build generates it.
    expect(handWrittenContentScripts(temp)).toEqual([]);
  });

  it('gets a content script of its own from the build, started on its hosts, from its one family line', async () => {
    const contentScriptFamilies = await scaffoldedFamilies();
    expect(contentScriptFamilies['throwaway-console']).toBe('throwaway-console');
    const entries = readContentScriptEntries(temp, contentScriptFamilies);
    const carriers = entries.filter((entry) => entry.started.includes('throwaway-console'));
    expect(carriers).toEqual([
      {
        file: '.wxt/content-scripts/throwaway-console.content.ts',
        matchesFamily: 'throwaway-console',
        excludesFamily: 'throwaway-console',
        imported: ['throwaway-console'],
        started: ['throwaway-console'],
        importsAllConsoles: false,
      },
    ]);
    // No other family's script took it.
    expect(entries.filter((entry) => entry.imported.includes('throwaway-console'))).toHaveLength(1);
    // Joining an existing family is the same one line naming it: the jamf script then carries it.
    const joined = readContentScriptEntries(temp, { ...contentScriptFamilies, 'throwaway-console': 'jamf' });
    expect(joined.map((entry) => entry.file)).not.toContain('.wxt/content-scripts/throwaway-console.content.ts');
    expect(joined.find((entry) => entry.file === '.wxt/content-scripts/jamf.content.ts')?.started).toContain('throwaway-console');
  });

  it('refuses an id that is taken or malformed', () => {
    expect(() => scaffoldVendor(temp, 'throwaway-console')).toThrow(/already/);
    expect(() => scaffoldVendor(temp, 'iru')).toThrow(/already/);
    expect(() => scaffoldVendor(temp, 'Bad_Id')).toThrow(/not a console id/);
    // A family's name: the new console would silently join that family's in-page script.
    expect(() => scaffoldVendor(temp, 'jamf')).toThrow(/family/);
  });

  it('leaves a tree the compiler accepts (every registry has the new console)', { timeout: 180_000 }, async () => {
    // The content scripts as the build generates them there, so the compiler checks what would be bundled.
    for (const entry of familyEntries(temp, await scaffoldedFamilies())) {
      fs.mkdirSync(path.dirname(path.join(temp, entry.file)), { recursive: true });
      fs.writeFileSync(path.join(temp, entry.file), entry.source);
    }
    // The registries, the new folders and the unit tests (they hold tables keyed by the ids), with
    // everything they import: about 8 s of CPU (the whole project takes about 13 s).
    const tsconfig = {
      extends: './tsconfig.json',
      include: [
        'utils/vendors/registry.ts',
        'utils/vendors/console-registry.ts',
        'utils/vendors/content-scripts.ts',
        'utils/vendors/descriptions.ts',
        'utils/vendors/throwaway-console/**/*',
        '.wxt/content-scripts/*.content.ts',
        'tests/mock-vendors/index.ts',
        'tests/unit/**/*',
        '.wxt/wxt.d.ts',
      ],
    };
    fs.writeFileSync(path.join(temp, 'tsconfig.scaffold.json'), JSON.stringify(tsconfig));
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', path.join(temp, 'tsconfig.scaffold.json')], { cwd: temp, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
