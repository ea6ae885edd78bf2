// One content script per console family (utils/vendors/content-scripts.ts), generated at build
// time (modules/content-scripts), never hand-written: every console is in exactly one family's
// script, that script imports only its family's consoles, its matches are its consoles' hosts, and
// a self-hosted origin gets the script of the console it confirmed as.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { EntrypointInfo, Wxt } from 'wxt';
import contentScriptsModule from '../../modules/content-scripts';
import { consoleExportName, familyEntries, familyEntrySource } from '../../modules/content-scripts/family-entries';
import { contentScriptFamilies, contentScriptFile, familyConsoleIds, type ConsoleFamily } from '../../utils/vendors/content-scripts';
import { vendorConsoles } from '../../utils/vendors/console-registry';
import { consoleExcludeMatches, consoleHostPermissions, familyExcludeMatches, familyMatches } from '../../utils/vendors/hosts';
import { consoleHosts, consoleIds, selfHostableConsoleIds } from '../../utils/vendors/vendor-ids';
import { handWrittenContentScripts, readContentScriptEntries } from './support/content-script-entries';
import { buildImportGraph, reach } from './support/import-graph';

const root = path.resolve(__dirname, '../..');
const families = [...new Set(Object.values(contentScriptFamilies))] as ConsoleFamily[];
const generated = (family: string) => `.wxt/content-scripts/${family}.content.ts`;

describe('content scripts per console family', () => {
  const entries = readContentScriptEntries(root);

  it('has no hand-written entry: every content script is a generated family entry', () => {
    expect(handWrittenContentScripts(root)).toEqual([]);
    expect(entries.map((entry) => entry.file)).toEqual(families.map(generated).sort());
  });

  it('puts every console in exactly one family script, the one its family names', () => {
    for (const id of consoleIds) {
      const carriers = entries.filter((entry) => entry.started.includes(id)).map((entry) => entry.file);
      expect(carriers, id).toEqual([generated(contentScriptFamilies[id])]);
    }
  });

  it('gives each family one entry that imports, starts and matches only its consoles', () => {
    for (const family of families) {
      const entry = entries.find((e) => e.file === generated(family))!;
      expect(entry.matchesFamily, entry.file).toBe(family);
      expect(entry.excludesFamily, entry.file).toBe(family);
      expect([...entry.imported].sort(), entry.file).toEqual(familyConsoleIds(family).sort());
      expect([...entry.started].sort(), entry.file).toEqual(familyConsoleIds(family).sort());
      expect(entry.importsAllConsoles, entry.file).toBe(false);
    }
  });

  it('imports each console under the name its own console.ts exports it', async () => {
    for (const [at, id] of consoleIds.entries()) {
      const module = (await import(`../../utils/vendors/${id}/console.ts`)) as Record<string, unknown>;
      expect(module[consoleExportName(id)], id).toBe(vendorConsoles[at]);
    }
  });

  it('stops the build in plain words when a console has no console.ts or not its export', () => {
    expect(() => familyEntries(root, { ...contentScriptFamilies, 'no-such-console': 'jamf' })).toThrow(
      'Console "no-such-console" has no utils/vendors/no-such-console/console.ts for its content script.',
    );
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-family-entries-'));
    try {
      fs.mkdirSync(path.join(temp, 'utils/vendors/acme'), { recursive: true });
      fs.writeFileSync(path.join(temp, 'utils/vendors/acme/console.ts'), 'export const acme = {};\n');
      expect(() => familyEntries(temp, { acme: 'acme' })).toThrow('utils/vendors/acme/console.ts must export `acmeConsole`');
      fs.writeFileSync(path.join(temp, 'utils/vendors/acme/console.ts'), 'export const acmeConsole = {};\n');
      expect(familyEntries(temp, { acme: 'acme' })).toEqual([
        { family: 'acme', file: generated('acme'), consoleIds: ['acme'], source: familyEntrySource('acme', ['acme']) },
      ]);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });

  it('reaches, through all its imports, only its family’s console modules (no list over every console)', () => {
    const graph = buildImportGraph(root);
    for (const family of families) {
      const reached = [...reach(graph, generated(family)).keys()];
      const consoles = reached.filter((id) => /^utils\/vendors\/[^/]+\/console\.ts$/.test(id)).map((id) => id.split('/')[2]);
      expect(consoles.sort(), family).toEqual(familyConsoleIds(family).sort());
      expect(reached, family).not.toContain('utils/vendors/console-registry.ts');
    }
  });

  it('matches, across the families, exactly the fixed console hosts and exclusions, each once', () => {
    const matches = families.flatMap(familyMatches);
    expect([...matches].sort()).toEqual([...consoleHostPermissions].sort());
    expect([...families.flatMap((family) => familyExcludeMatches(family) ?? [])].sort()).toEqual([...consoleExcludeMatches].sort());
    for (const family of families) {
      expect(familyMatches(family).length, family).toBeGreaterThan(0);
      // Firefox refuses the add-on if a content script's exclude_matches is an empty list.
      expect(familyExcludeMatches(family), family).not.toEqual([]);
      expect(familyMatches(family)).toEqual(familyConsoleIds(family).flatMap((id) => consoleHosts[id].console));
    }
  });

  it('names the built file of the console’s family', () => {
    expect(contentScriptFile('jamf-pro')).toBe('/content-scripts/jamf.js');
    expect(contentScriptFile('jumpcloud')).toBe('/content-scripts/jumpcloud.js');
  });
});

describe('the WXT module (modules/content-scripts)', () => {
  let temp: string;
  beforeEach(() => {
    // A project root whose consoles are the real ones (utils/ linked), so the generator reads them.
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-cs-module-'));
    fs.symlinkSync(path.join(root, 'utils'), path.join(temp, 'utils'), 'dir');
  });
  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  async function runFoundHook(infos: EntrypointInfo[]) {
    let found: ((wxt: Wxt, infos: EntrypointInfo[]) => unknown) | undefined;
    const wxt = {
      config: { root: temp },
      hooks: { hook: (name: string, callback: typeof found) => name === 'entrypoints:found' && (found = callback) },
    } as unknown as Wxt;
    await contentScriptsModule.setup?.(wxt, undefined as never);
    expect(found, 'hooks entrypoints:found').toBeDefined();
    await found!(wxt, infos);
    return infos;
  }

  it('writes each family’s entry under .wxt/ and hands it to WXT as a content script, in file-name order', async () => {
    fs.mkdirSync(path.join(temp, '.wxt/content-scripts'), { recursive: true });
    fs.writeFileSync(path.join(temp, '.wxt/content-scripts/gone.content.ts'), '// a family that left the list\n');
    const infos = await runFoundHook([
      { name: 'background', inputPath: path.join(temp, 'entrypoints/background.ts'), type: 'background' },
      { name: 'popup', inputPath: path.join(temp, 'entrypoints/popup/index.html'), type: 'popup' },
    ]);
    expect(infos.map((info) => info.name)).toEqual([...families, 'background', 'popup'].sort());
    for (const family of families) {
      expect(infos.find((info) => info.name === family)).toEqual({
        name: family,
        inputPath: path.join(temp, generated(family)),
        type: 'content-script',
      });
      expect(fs.readFileSync(path.join(temp, generated(family)), 'utf8')).toBe(familyEntrySource(family, familyConsoleIds(family)));
    }
    expect(fs.readdirSync(path.join(temp, '.wxt/content-scripts')).sort()).toEqual(families.map((f) => `${f}.content.ts`).sort());
  });

  it('leaves an unchanged entry untouched (the dev server sees no change)', async () => {
    await runFoundHook([]);
    const file = path.join(temp, generated('jamf'));
    const old = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(file, old, old);
    await runFoundHook([]);
    expect(fs.statSync(file).mtime.getTime()).toBe(old.getTime());
  });
});

describe('self-hosted origins get their family’s script', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers and injects the script of the self-hostable consoles’ families', async () => {
    const { enableSite } = await import('../../utils/background/sites');
    const registered: string[][] = [];
    const injected: string[][] = [];
    vi.spyOn(browser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
    vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
      for (const script of scripts) registered.push(script.js ?? []);
    });
    vi.spyOn(browser.scripting, 'executeScript').mockImplementation(async (injection) => {
      injected.push((injection as { files?: string[] }).files ?? []);
      return [];
    });
    const expected = [...new Set(selfHostableConsoleIds().map(contentScriptFile))];
    expect(expected).toEqual(['/content-scripts/jamf.js']);
    const { vendorModules } = await import('../../utils/vendors/registry');
    const jamfPro = vendorModules.find((m) => m.console.id === 'jamf-pro')!;
    vi.spyOn(jamfPro.selfHosted!, 'confirm').mockResolvedValue(true as never);
    const result = await enableSite('https://jamf.example.org:8443', { tabId: 7 });
    expect(result.console).toBe('jamf-pro');
    expect(injected).toEqual([['/content-scripts/jamf.js']]);
    expect(registered).toEqual([expected]);
  });
});
