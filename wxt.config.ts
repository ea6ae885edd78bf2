import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { consoleHostPermissions, apiHostPermissions } from './utils/vendors/hosts';
import { managedSchema } from './utils/policy/managed-schema';

// The in-page script runs in every console page the admin opens, so it stays as small as possible:
// it only sends two messages, which the browsers' own promise-based `browser`/`chrome` API does
// without webextension-polyfill. The background (budget 60 KB) also uses the browsers' own API: its
// one asynchronous answer, runtime.onMessage, uses sendResponse + `return true`, which both
// browsers honour (docs/architecture.md). Pages keep the polyfill.
const nativeBrowser = createRequire(import.meta.url).resolve('wxt/browser');
const polyfilledBrowser = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser']);
const contentHostsStub = '\0keyhold-content-script-hosts';
const slimContext = fileURLToPath(new URL('./utils/content/script-context.ts', import.meta.url));

// Host permissions are exact: the vendors' fixed console and API hosts, granted at install.
// Self-hosted Jamf Pro origins are the only optional ones, asked for at runtime from a click.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // WXT would build Firefox as MV2; one manifest version keeps both builds on the same code paths.
  manifestVersion: 3,
  hooks: {
    // The policy schema lists the consoles, so it is built from the vendor list, not kept by hand.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'managed-schema.json', contents: `${JSON.stringify(managedSchema, null, 2)}\n` });
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script' || entrypoint.type === 'background')) return;
      config.plugins = [
        ...(config.plugins ?? []),
        { name: 'keyhold:native-browser-in-content-scripts-and-background', enforce: 'pre', resolveId: (id) => (polyfilledBrowser.has(id) ? nativeBrowser : undefined) },
      ];
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      // WXT reads a content script's `matches` into the manifest before the build (from the real
      // host lists); in the in-page bundle they are never read, so that build gets empty lists.
      config.plugins.push({
        name: 'keyhold:no-host-lists-in-content-scripts',
        enforce: 'pre',
        resolveId: (id) => (/(^@|[\\/]utils)[\\/]vendors[\\/]hosts(\.ts)?$/.test(id) ? contentHostsStub : undefined),
        load: (id) =>
          id === contentHostsStub
            ? 'export const consoleHostPermissions = [];\nexport const consoleExcludeMatches = [];\nexport const familyMatches = () => [];\nexport const familyExcludeMatches = () => [];\n'
            : undefined,
      });
      // A slim context: the in-page script only needs onInvalidated (utils/content/script-context.ts).
      config.plugins.push({
        name: 'keyhold:slim-content-script-context',
        enforce: 'pre',
        resolveId: (id) => (id === 'wxt/utils/content-script-context' ? slimContext : undefined),
      });
    },
  },
  zip: {
    // AMO rebuilds from the sources zip: keep what `npm ci && npm run build:firefox` needs, drop the
    // test harness, benchmarks, dev scripts and local artefacts. WXT already drops node_modules,
    // dot-files, *.test/*.spec files and .output.
    excludeSources: [
      'tests/**',
      'bench/**',
      'scripts/**',
      'playwright.config.ts',
      'vitest.config.ts',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '*.zip',
    ],
  },
  manifest: ({ browser }) => ({
    // Every shown string comes from locales/<lang>.yml (docs/i18n.md); the browser picks the UI language.
    default_locale: 'en',
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    permissions: [
      'storage',
      'alarms',
      'idle',
      'scripting',
      'activeTab',
      'notifications',
      'clipboardWrite',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen']),
    ],
    host_permissions: [...consoleHostPermissions, ...apiHostPermissions],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_manifest_name__' },
    // Keyboard shortcuts (README: Keyboard shortcuts); admins can change them. Chrome allows four suggested keys.
    commands: {
      'save-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_manifest_command_saveSelection__' },
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_manifest_command_openSidePanel__' },
      'fill-page': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_manifest_command_fillPage__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'keyhold@keyhold.dev',
              // 140 is the current ESR and the first with data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing leaves the browser except calls to the vendors' own APIs.
              data_collection_permissions: { required: ['none'] },
            },
            // Android got data_collection_permissions in 142; without this AMO lint warns.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // Firefox reads managed storage from policies.json ("3rdparty") and has no schema key.
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
});
