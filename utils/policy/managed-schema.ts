// The schema Chrome checks an organisation's policy against (`storage.managed_schema`), written
// to managed-schema.json at build time by wxt.config.ts. Its console list comes from the one
// vendor list, so a new console needs no edit here. Imports only the import-free vendor list:
// wxt.config.ts loads this file. A unit test keeps it in step with the parser (policy.ts).
// Titles and descriptions stay English on purpose: Chrome reads this file as plain JSON Schema
// (developer.chrome.com/docs/extensions/reference/manifest/storage) and substitutes `__MSG_…__` only
// in the manifest itself, so there is no language to follow here (docs/i18n.md, "What stays English").
import { consoleIds } from '../vendors/vendor-ids';

export const managedSchema = {
  type: 'object',
  properties: {
    autoLockMinutesMin: {
      title: 'Shortest auto-lock delay (minutes)',
      description: 'The vault locks after no fewer than this many idle minutes. Users can choose a longer delay up to autoLockMinutesMax.',
      type: 'integer',
      minimum: 1,
      maximum: 1440,
    },
    autoLockMinutesMax: {
      title: 'Longest auto-lock delay (minutes)',
      description:
        'The vault locks after at most this many idle minutes, whatever the user chose. Set it equal to autoLockMinutesMin to fix the delay.',
      type: 'integer',
      minimum: 1,
      maximum: 1440,
    },
    healthCheckHours: {
      title: 'Scheduled health check (hours)',
      description:
        'Test every stored credential every this many hours while the vault is unlocked; 0 turns scheduled checks off. Users cannot change it.',
      type: 'integer',
      minimum: 0,
      maximum: 168,
    },
    exportAllowed: {
      title: 'Allow exporting credentials',
      description:
        'false: credentials can never leave Keyhold through hand-off export. true or unset: export is allowed (limited by exportRecipientKeys when set).',
      type: 'boolean',
    },
    exportRecipientKeys: {
      title: 'Approved export recipients',
      description:
        'When set, exports may only be sealed to these keys, given as RFC 7638 SHA-256 thumbprints (the fingerprint Keyhold shows for a hand-off key); passphrase exports are refused.',
      type: 'array',
      items: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
    },
    selfHostedJamfOrigins: {
      title: 'Self-hosted Jamf Pro servers',
      description:
        'https origins (for example https://jamf.example.org:8443) Keyhold treats as Jamf Pro without asking the user to confirm. The browser must still grant Keyhold access to each one.',
      type: 'array',
      items: { type: 'string', pattern: '^https://[^/*]+/?$' },
    },
    hiddenVendors: {
      title: 'Consoles to hide',
      description: `Consoles Keyhold should not offer: any of ${consoleIds.join(', ')}.`,
      type: 'array',
      items: { type: 'string', enum: [...consoleIds] },
    },
  },
};
