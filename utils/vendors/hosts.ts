// The fixed hosts Keyhold talks to, shared by the manifest, the content-script matches and tests.
// Kept free of imports so wxt.config.ts can load it.

/** Web consoles where the content script runs. */
export const consoleHostPermissions = [
  'https://*.jamfcloud.com/*',
  'https://console.jumpcloud.com/*',
  'https://console.eu.jumpcloud.com/*',
  'https://console.in.jumpcloud.com/*',
  'https://business.apple.com/*',
  'https://school.apple.com/*',
  'https://*.kandji.io/*',
  'https://*.iru.com/*',
  'https://account.jamf.com/*',
];

/** API and token hosts that only the background calls. */
export const apiHostPermissions = [
  'https://admin-oauth.id.jumpcloud.com/*',
  'https://admin-oauth.id.eu.jumpcloud.com/*',
  'https://admin-oauth.id.in.jumpcloud.com/*',
  'https://account.apple.com/*',
  'https://api-business.apple.com/*',
  'https://api-school.apple.com/*',
];

/** Iru/Kandji API hosts share the console wildcard; the content script skips them. */
export const consoleExcludeMatches = ['https://*.api.kandji.io/*', 'https://*.api.eu.kandji.io/*', 'https://*.api.iru.com/*', 'https://*.api.jamfcloud.com/*'];
