// What pages know of JumpCloud's two credential types: fields, paste recognition, templates,
// rotation. Data only (no schema, no test): pages import it through ../descriptions.ts; the
// credential types add the test to the cores only (the worker needs no page text).
import type { CredentialCore, CredentialDescription, FieldSpec } from '../types';
import { withPageText } from '../page-text';
import { jumpcloudTemplateCore, jumpcloudTemplates } from './templates';
import { regions } from './regions';

const regionField = { name: 'region', label: 'Region', secret: false, input: 'select' } as const;
const orgIdField = { name: 'orgId', label: 'Organization ID (multi-tenant admins only)', secret: false, optional: true } as const;

/** Page text both types share: the region choices and the organization ID's hint. */
const sharedPageText: Record<string, Partial<FieldSpec>> = {
  region: {
    options: /* @__PURE__ */ regions.map((value) => ({
      value,
      label: `${value.toUpperCase()} (console${value === 'us' ? '' : `.${value}`}.jumpcloud.com)`,
    })),
  },
  orgId: { placeholder: '24 hexadecimal characters' },
};

export const jumpcloudApiKeyCore = {
  id: 'jumpcloud-api-key',
  consoleId: 'jumpcloud',
  name: 'JumpCloud admin API key',
  fields: [
    { name: 'apiKey', label: 'API key', secret: true },
    regionField,
    // An admin key has no client ID; multi-tenant admins know their organisations by this ID.
    { ...orgIdField, publicId: true },
    { name: 'adminEmail', label: 'Email of the admin who owns the key', secret: false, optional: true },
  ],
  templates: jumpcloudTemplateCore,
} satisfies CredentialCore;

export const jumpcloudServiceAccountCore = {
  id: 'jumpcloud-service-account',
  consoleId: 'jumpcloud',
  name: 'JumpCloud service account',
  fields: [
    { name: 'clientId', label: 'Client ID', secret: false, publicId: true },
    { name: 'clientSecret', label: 'Client Secret', secret: true },
    regionField,
    orgIdField,
  ],
  templates: jumpcloudTemplateCore,
} satisfies CredentialCore;

export const jumpcloudApiKeyDescription = {
  ...jumpcloudApiKeyCore,
  templates: jumpcloudTemplates,
  fields: /* @__PURE__ */ withPageText(jumpcloudApiKeyCore.fields, sharedPageText, {
    apiKey: { placeholder: 'jca_…' },
    adminEmail: { placeholder: 'Lets Keyhold replace this key when you generate a new one' },
  }),
  recognisesPasted: (text) => /^\s*jca_[A-Za-z0-9]{36}\s*$/.test(text),
  rotation: {
    steps: [
      'In JumpCloud, open the account menu (your initials) → My API Key.',
      'Click "Generate New API Key". Warning: this revokes the current key at once and breaks every integration using it.',
      'Click "Save to Keyhold" beside the new key: Keyhold updates this credential and tests it, and keeps the old one sealed for 7 days (it no longer works at JumpCloud, but you keep a record).',
      'Prefer a service account for integrations: it is not tied to a person and holds two secrets for a gap-free rotation.',
    ],
  },
  offers: { curl: true },
} satisfies CredentialDescription;

export const jumpcloudServiceAccountDescription = {
  ...jumpcloudServiceAccountCore,
  templates: jumpcloudTemplates,
  fields: /* @__PURE__ */ withPageText(jumpcloudServiceAccountCore.fields, sharedPageText, { clientId: { placeholder: 'sa_…' } }),
  recognisesPasted: (text) => /^\s*sa_[0-9a-f]{24}\s*$/i.test(text),
  rotation: {
    startPath: '/#/settings/service-accounts',
    steps: [
      'In JumpCloud, open Settings → Service Accounts and open this account.',
      'Add a second secret: the account holds two, so the old one keeps working while you switch.',
      'Click "Save to Keyhold" beside the new secret: Keyhold updates this credential and tests it, and keeps the old one sealed for 7 days.',
      'Once the integration uses the new secret, delete the old secret in JumpCloud.',
    ],
  },
  offers: { curl: true },
} satisfies CredentialDescription;

export const jumpcloudDescriptions: CredentialDescription[] = [jumpcloudServiceAccountDescription, jumpcloudApiKeyDescription];
