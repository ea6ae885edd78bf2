// One content script per console family (utils/vendors/content-scripts.ts): every console is in
// exactly one family's script, that script imports only its family's consoles, its matches are its
// consoles' hosts, and a self-hosted origin gets the script of the console it confirmed as.
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { contentScriptFamilies, contentScriptFile, familyConsoleIds, type ConsoleFamily } from '../../utils/vendors/content-scripts';
import { consoleExcludeMatches, consoleHostPermissions, familyExcludeMatches, familyMatches } from '../../utils/vendors/hosts';
import { consoleHosts, consoleIds, selfHostableConsoleIds } from '../../utils/vendors/vendor-ids';
import { readContentScriptEntries } from './support/content-script-entries';
import { buildImportGraph, reach } from './support/import-graph';

const root = path.resolve(__dirname, '../..');
const families = [...new Set(Object.values(contentScriptFamilies))] as ConsoleFamily[];

describe('content scripts per console family', () => {
  const entries = readContentScriptEntries(root);

  it('puts every console in exactly one family script, the one its family names', () => {
    for (const id of consoleIds) {
      const carriers = entries.filter((entry) => entry.started.includes(id)).map((entry) => entry.file);
      expect(carriers, id).toEqual([`entrypoints/${contentScriptFamilies[id]}.content.ts`]);
    }
  });

  it('gives each family one entry that imports, starts and matches only its consoles', () => {
    expect(entries.map((entry) => entry.file)).toEqual(families.map((family) => `entrypoints/${family}.content.ts`).sort());
    for (const family of families) {
      const entry = entries.find((e) => e.file === `entrypoints/${family}.content.ts`)!;
      expect(entry.matchesFamily, entry.file).toBe(family);
      expect(entry.excludesFamily, entry.file).toBe(family);
      expect([...entry.imported].sort(), entry.file).toEqual(familyConsoleIds(family).sort());
      expect([...entry.started].sort(), entry.file).toEqual(familyConsoleIds(family).sort());
      expect(entry.importsAllConsoles, entry.file).toBe(false);
    }
  });

  it('reaches, through all its imports, only its family’s console modules (no list over every console)', () => {
    const graph = buildImportGraph(root);
    for (const family of families) {
      const reached = [...reach(graph, `entrypoints/${family}.content.ts`).keys()];
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
