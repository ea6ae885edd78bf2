// What pages know of JumpCloud's two credential types: fields, paste recognition, templates,
// rotation. Data only (no schema, no test): pages import it through ../descriptions.ts.
import type { CredentialDescription } from '../types';
import { jumpcloudTemplates } from './templates';
import { regions } from './regions';

export const regionField = {
  name: 'region',
  label: 'Region',
  secret: false,
  input: 'select',
  options: regions.map((value) => ({ value, label: `${value.toUpperCase()} (console${value === 'us' ? '' : `.${value}`}.jumpcloud.com)` })),
} as const;

export const orgIdField = {
  name: 'orgId',
  label: 'Organization ID (multi-tenant admins only)',
  secret: false,
  optional: true,
  placeholder: '24 hexadecimal characters',
} as const;

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jumpcloudApiKeyRotation = {
  steps: [
    'In JumpCloud, open the account menu (your initials) → My API Key.',
    'Click "Generate New API Key". Warning: this revokes the current key at once and breaks every integration using it.',
    'Click "Save to Keyhold" beside the new key: Keyhold updates this credential and tests it, and keeps the old one sealed for 7 days (it no longer works at JumpCloud, but you keep a record).',
    'Prefer a service account for integrations: it is not tied to a person and holds two secrets for a gap-free rotation.',
  ],
};

export const jumpcloudApiKeyDescription = {
  id: 'jumpcloud-api-key',
  consoleId: 'jumpcloud',
  name: 'JumpCloud admin API key',
  fields: [
    { name: 'apiKey', label: 'API key', secret: true, placeholder: 'jca_…' },
    regionField,
    orgIdField,
    {
      name: 'adminEmail',
      label: 'Email of the admin who owns the key',
      secret: false,
      optional: true,
      placeholder: 'Lets Keyhold replace this key when you generate a new one',
    },
  ],
  recognisesPasted: (text) => /^\s*jca_[A-Za-z0-9]{36}\s*$/.test(text),
  templates: jumpcloudTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jumpcloudServiceAccountRotation = {
  startPath: '/#/settings/service-accounts',
  steps: [
    'In JumpCloud, open Settings → Service Accounts and open this account.',
    'Add a second secret: the account holds two, so the old one keeps working while you switch.',
    'Click "Save to Keyhold" beside the new secret: Keyhold updates this credential and tests it, and keeps the old one sealed for 7 days.',
    'Once the integration uses the new secret, delete the old secret in JumpCloud.',
  ],
};

export const jumpcloudServiceAccountDescription = {
  id: 'jumpcloud-service-account',
  consoleId: 'jumpcloud',
  name: 'JumpCloud service account',
  fields: [
    { name: 'clientId', label: 'Client ID', secret: false, placeholder: 'sa_…' },
    { name: 'clientSecret', label: 'Client Secret', secret: true },
    regionField,
    orgIdField,
  ],
  recognisesPasted: (text) => /^\s*sa_[0-9a-f]{24}\s*$/i.test(text),
  templates: jumpcloudTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

export const jumpcloudDescriptions: CredentialDescription[] = [
  { ...jumpcloudServiceAccountDescription, rotation: jumpcloudServiceAccountRotation },
  { ...jumpcloudApiKeyDescription, rotation: jumpcloudApiKeyRotation },
];
