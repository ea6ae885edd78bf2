// Least-privilege audit of the built manifests (.output/chrome-mv3 and .output/firefox-mv3).
// No browser: it reads what would ship. `npm test` builds both targets first. Every permission
// must also be explained in docs/permissions.md, so a new one cannot slip in undocumented.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { apiHostPermissions, consoleHostPermissions, familyExcludeMatches, familyMatches } from '../../utils/vendors/hosts';
import { contentScriptFamilies, contentScriptFile, type ConsoleFamily } from '../../utils/vendors/content-scripts';
import { managedSchema } from '../../utils/policy/managed-schema';

const root = path.resolve(import.meta.dirname, '../..');
const builds = {
  chrome: path.join(root, '.output/chrome-mv3'),
  firefox: path.join(root, '.output/firefox-mv3'),
} as const;

/** API permissions each build may ask for; anything else needs a reason in docs/permissions.md and here. */
const allowedPermissions = {
  chrome: ['storage', 'alarms', 'idle', 'scripting', 'activeTab', 'notifications', 'clipboardWrite', 'contextMenus', 'sidePanel', 'offscreen'],
  firefox: ['storage', 'alarms', 'idle', 'scripting', 'activeTab', 'notifications', 'clipboardWrite', 'contextMenus'],
};
const broadHostPatterns = ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*', '*://*/', 'https://*/', 'file:///*'];
const fixedHosts = [...consoleHostPermissions, ...apiHostPermissions];
/** The most a CSP may allow: the MV3 default. */
const defaultCsp = "script-src 'self'; object-src 'self';";

type Manifest = Record<string, any>;

function readManifest(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
}

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

/** Every match pattern anywhere in the manifest, with where it was found. */
function allPatterns(manifest: Manifest): { where: string; pattern: string }[] {
  const found: { where: string; pattern: string }[] = [];
  const add = (where: string, list: unknown) => {
    if (Array.isArray(list)) for (const pattern of list) found.push({ where, pattern: String(pattern) });
  };
  add('permissions', manifest.permissions);
  add('host_permissions', manifest.host_permissions);
  add('optional_permissions', manifest.optional_permissions);
  add('optional_host_permissions', manifest.optional_host_permissions);
  for (const script of manifest.content_scripts ?? []) add('content_scripts.matches', script.matches);
  for (const resource of manifest.web_accessible_resources ?? []) add('web_accessible_resources.matches', resource.matches);
  return found;
}

for (const target of ['chrome', 'firefox'] as const) {
  test.describe(`${target} manifest`, () => {
    const dir = builds[target];
    test.beforeEach(() => {
      // Both builds are audited, never skipped: npm test builds both first.
      const command = target === 'firefox' ? 'npm run build:firefox' : 'npm run build';
      expect(fs.existsSync(path.join(dir, 'manifest.json')), `No ${target} build at ${dir}: run "${command}" first.`).toBe(true);
    });

    test('is Manifest V3 and asks only for the permissions Keyhold needs (no tabs)', () => {
      const manifest = readManifest(dir);
      expect(manifest.manifest_version).toBe(3);
      expect([...(manifest.permissions ?? [])].sort()).toEqual([...allowedPermissions[target]].sort());
      expect(manifest.permissions).not.toContain('tabs');
      expect(manifest.optional_permissions ?? []).toEqual([]);
    });

    test('host permissions are exactly the fixed vendor hosts; https://*/* is only optional', () => {
      const manifest = readManifest(dir);
      expect([...manifest.host_permissions].sort()).toEqual([...fixedHosts].sort());
      for (const pattern of manifest.host_permissions) {
        expect(broadHostPatterns, `host_permissions has the broad pattern ${pattern}`).not.toContain(pattern);
        expect(pattern, 'host permissions are https only').toMatch(/^https:\/\/[^/]+\/\*$/);
      }
      expect(manifest.optional_host_permissions ?? []).toEqual(['https://*/*']);
      for (const { where, pattern } of allPatterns(manifest)) {
        expect(pattern, `${where} has <all_urls>`).not.toBe('<all_urls>');
        if (where !== 'optional_host_permissions') expect(broadHostPatterns, `${where} has ${pattern}`).not.toContain(pattern);
      }
    });

    test('content scripts run only on the vendor console hosts', () => {
      const manifest = readManifest(dir);
      expect(manifest.content_scripts?.length).toBeGreaterThan(0);
      for (const script of manifest.content_scripts) {
        for (const pattern of script.matches) expect(consoleHostPermissions, `content script on ${pattern}`).toContain(pattern);
        expect(script.all_frames ?? false).toBe(false);
        expect(script.match_about_blank ?? false).toBe(false);
        expect(script.match_origin_as_fallback ?? false).toBe(false);
        for (const file of script.js ?? []) expect(fs.existsSync(path.join(dir, file)), `${file} is in the build`).toBe(true);
      }
    });

    test('one content script per console family, on exactly its consoles\' hosts', () => {
      const manifest = readManifest(dir);
      const families = [...new Set(Object.values(contentScriptFamilies))] as ConsoleFamily[];
      const scripts = manifest.content_scripts as { js?: string[]; matches: string[]; exclude_matches?: string[] }[];
      expect(scripts.map((script) => script.js).sort()).toEqual(families.map((family) => [`content-scripts/${family}.js`]).sort());
      for (const family of families) {
        const script = scripts.find((s) => s.js?.[0] === `content-scripts/${family}.js`)!;
        expect([...script.matches].sort(), family).toEqual([...familyMatches(family)].sort());
        // Absent rather than empty when a family excludes nothing: Firefox refuses an empty list.
        expect(script.exclude_matches?.slice().sort(), family).toEqual(familyExcludeMatches(family)?.slice().sort());
      }
      // The file a self-hosted origin is given is one the build has.
      for (const id of Object.keys(contentScriptFamilies) as (keyof typeof contentScriptFamilies)[])
        expect(fs.existsSync(path.join(dir, contentScriptFile(id))), id).toBe(true);
    });

    test('nothing outside the extension can message it or load its pages', () => {
      const manifest = readManifest(dir);
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
      expect(manifest.update_url, 'the stores set update_url, the package does not').toBeUndefined();
    });

    test('runs no remote code: the default CSP or stricter, only packaged scripts', () => {
      const manifest = readManifest(dir);
      const csp = manifest.content_security_policy;
      if (csp !== undefined) {
        expect(
          Object.keys(csp).every((key) => key === 'extension_pages'),
          'no sandbox CSP',
        ).toBe(true);
        const policy: string = csp.extension_pages ?? defaultCsp;
        const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1]?.trim().split(/\s+/) ?? [];
        expect(scriptSrc).toEqual(["'self'"]);
        expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
      }
      expect(manifest.sandbox).toBeUndefined();
      const background = manifest.background ?? {};
      for (const file of [background.service_worker, ...(background.scripts ?? [])].filter(Boolean)) {
        expect(fs.existsSync(path.join(dir, file)), `background ${file} is packaged`).toBe(true);
      }
      for (const file of files(dir)) {
        const text = fs.readFileSync(file, 'utf8');
        if (file.endsWith('.html')) {
          for (const [, src] of text.matchAll(/<script[^>]*\ssrc="([^"]*)"/g))
            expect(src, `${path.relative(dir, file)} loads ${src}`).toMatch(/^\/[^/]/);
          expect(text, `${path.relative(dir, file)} has an inline script`).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>[^<]/);
        }
        if (file.endsWith('.js')) {
          expect(text, `${path.relative(dir, file)} imports remote code`).not.toMatch(
            /\b(importScripts|import)\s*\(\s*["'`](https?:)?\/\//,
          );
        }
      }
    });

    test('suggests at most four shortcuts (Chrome allows four), each listed in the README', () => {
      const manifest = readManifest(dir);
      const commands = Object.entries(manifest.commands ?? {}) as [string, { suggested_key?: unknown }][];
      expect(commands.filter(([, command]) => command.suggested_key).length).toBeLessThanOrEqual(4);
      const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
      for (const [name, keys] of [
        ['save-selection', 'Alt+Shift+S'],
        ['open-side-panel', 'Alt+Shift+K'],
      ]) {
        expect(manifest.commands?.[name]?.suggested_key?.default).toBe(keys);
        expect(readme, `README.md lists the ${name} shortcut`).toContain(`\`${keys}\``);
      }
    });

    test('the destination fill is injected on demand only: its script is no content script and not web-accessible', () => {
      const manifest = readManifest(dir);
      expect(fs.existsSync(path.join(dir, 'fill-page.js'))).toBe(true);
      const declared = (manifest.content_scripts ?? []).flatMap((script: { js?: string[] }) => script.js ?? []);
      expect(declared.some((file: string) => file.includes('fill'))).toBe(false);
      expect(JSON.stringify(manifest.web_accessible_resources ?? [])).not.toContain('fill');
      expect(manifest.commands?.['fill-page']?.suggested_key?.default).toBe('Alt+Shift+F');
    });

    test('every permission is explained in docs/permissions.md', () => {
      const manifest = readManifest(dir);
      // A console added later may explain its own hosts in its folder (utils/vendors/<id>/permissions.md).
      const vendorDocs = fs
        .readdirSync(path.join(root, 'utils/vendors'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, 'utils/vendors', entry.name, 'permissions.md')))
        .map((entry) => fs.readFileSync(path.join(root, 'utils/vendors', entry.name, 'permissions.md'), 'utf8'));
      const doc = [fs.readFileSync(path.join(root, 'docs/permissions.md'), 'utf8'), ...vendorDocs].join('\n');
      const named = [...(manifest.permissions ?? []), ...manifest.host_permissions, ...(manifest.optional_host_permissions ?? [])];
      for (const permission of named) expect(doc, `docs/permissions.md does not explain ${permission}`).toContain(`\`${permission}\``);
    });

    test('Jamf family: Jamf Account is one fixed console host; the Platform API gateway never gets the content script', () => {
      const manifest = readManifest(dir);
      expect(manifest.host_permissions).toContain('https://account.jamf.com/*');
      expect(manifest.host_permissions.filter((p: string) => /jamf/.test(p)).sort()).toEqual(['https://*.jamfcloud.com/*', 'https://account.jamf.com/*']);
      for (const script of manifest.content_scripts) if (script.matches.includes('https://*.jamfcloud.com/*')) expect(script.exclude_matches).toContain('https://*.api.jamfcloud.com/*');
    });

    if (target === 'chrome') {
      test('declares the managed-storage schema for enterprise policy', () => {
        const manifest = readManifest(dir);
        const file = manifest.storage?.managed_schema;
        expect(file).toBe('managed-schema.json');
        const schema = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
        expect(schema.type).toBe('object');
        expect(schema).toEqual(JSON.parse(JSON.stringify(managedSchema)));
        expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
      });
    } else {
      test('is a Firefox add-on: gecko id, sidebar, event page, no data collection', () => {
        const manifest = readManifest(dir);
        expect(manifest.browser_specific_settings?.gecko?.id).toBe('keyhold@keyhold.dev');
        expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
        expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
        expect(manifest.side_panel).toBeUndefined();
        expect(manifest.background?.scripts).toEqual(['background.js']);
        expect(manifest.storage, 'Firefox takes managed storage from policies.json, not a schema key').toBeUndefined();
      });
    }
  });
}
