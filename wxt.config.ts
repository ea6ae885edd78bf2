import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import { consoleHostPermissions, apiHostPermissions } from './utils/vendors/hosts';
import { managedSchema } from './utils/policy/managed-schema';

// The in-page script runs in every console page the admin opens, so it stays as small as possible:
// it only sends two messages, which the browsers' own promise-based `browser`/`chrome` API does
// without webextension-polyfill. Everything else keeps the polyfill.
const nativeBrowser = createRequire(import.meta.url).resolve('wxt/browser');
const polyfilledBrowser = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser']);

// Host permissions are exact: the vendors' fixed console and API hosts, granted at install.
// Self-hosted Jamf Pro origins are the only optional ones, asked for at runtime from a click.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // WXT would build Firefox as MV2; one manifest version keeps both builds on the same code paths.
  manifestVersion: 3,
  hooks: {
    // The policy schema lists the consoles, so it is built from the vendor list, not kept by hand.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'managed-schema.json', contents: `${JSON.stringify(managedSchema, null, 2)}\n` });
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.plugins = [
        ...(config.plugins ?? []),
        { name: 'keyhold:native-browser-in-content-scripts', enforce: 'pre', resolveId: (id) => (polyfilledBrowser.has(id) ? nativeBrowser : undefined) },
      ];
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
    name: 'Keyhold',
    description:
      'Capture, seal and test device-management API credentials (Jamf Pro, JumpCloud, Apple Business/School Manager, Iru Endpoint).',
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
    action: { default_title: 'Keyhold' },
    // Keyboard shortcuts (README: Keyboard shortcuts); admins can change them. Chrome allows four suggested keys.
    commands: {
      'save-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save the selected value to Keyhold' },
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open the Keyhold side panel' },
      'fill-page': { suggested_key: { default: 'Alt+Shift+F' }, description: 'Fill this page’s integration form from Keyhold' },
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
