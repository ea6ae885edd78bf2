import { defineConfig } from 'wxt';
import { consoleHostPermissions, apiHostPermissions } from './utils/vendors/hosts';

// Host permissions are exact: the vendors' fixed console and API hosts, granted at install.
// Self-hosted Jamf Pro origins are the only optional ones, asked for at runtime from a click.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
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
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen']),
    ],
    host_permissions: [...consoleHostPermissions, ...apiHostPermissions],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Keyhold' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'keyhold@keyhold.dev', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
