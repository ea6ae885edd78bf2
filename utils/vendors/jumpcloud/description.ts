// What pages know of JumpCloud's two credential types: fields, paste recognition, templates,
// rotation. Data only (no schema, no test): pages import it through ../descriptions.ts; the
// credential types add the test to the cores only (the worker needs no page text).
import type { CredentialCore, CredentialDescription, FieldSpec } from '../types';
import { t } from '../../i18n/translate';
import { withPageText } from '../page-text';
import { jumpcloudTemplateCore, jumpcloudTemplates } from './templates';
import { regions } from './regions';

const regionField = { name: 'region', label: t('vendor.jumpcloud.field.region'), secret: false, input: 'select' } as const;
const orgIdField = { name: 'orgId', label: t('vendor.jumpcloud.field.orgId'), secret: false, optional: true } as const;

/** Page text both types share: the region choices and the organization ID's hint. */
const sharedPageText: Record<string, Partial<FieldSpec>> = {
  region: {
    options: /* @__PURE__ */ regions.map((value) => ({
      value,
      label: `${value.toUpperCase()} (console${value === 'us' ? '' : `.${value}`}.jumpcloud.com)`,
    })),
  },
  orgId: {
    get placeholder() {
      return t('vendor.jumpcloud.field.orgIdPlaceholder');
    },
  },
};

export const jumpcloudApiKeyCore = {
  id: 'jumpcloud-api-key',
  consoleId: 'jumpcloud',
  name: t('vendor.jumpcloud.apiKeyName'),
  fields: [
    { name: 'apiKey', label: t('vendor.jumpcloud.field.apiKey'), secret: true },
    regionField,
    // An admin key has no client ID; multi-tenant admins know their organisations by this ID.
    { ...orgIdField, publicId: true },
    { name: 'adminEmail', label: t('vendor.jumpcloud.field.adminEmail'), secret: false, optional: true },
  ],
  templates: jumpcloudTemplateCore,
} satisfies CredentialCore;

export const jumpcloudServiceAccountCore = {
  id: 'jumpcloud-service-account',
  consoleId: 'jumpcloud',
  name: t('vendor.jumpcloud.serviceAccountName'),
  fields: [
    { name: 'clientId', label: t('vendor.jumpcloud.field.clientId'), secret: false, publicId: true },
    { name: 'clientSecret', label: t('vendor.jumpcloud.field.clientSecret'), secret: true },
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
    adminEmail: {
      get placeholder() {
        return t('vendor.jumpcloud.field.adminEmailPlaceholder');
      },
    },
  }),
  recognisesPasted: (text) => /^\s*jca_[A-Za-z0-9]{36}\s*$/.test(text),
  rotation: {
    get steps() {
      return [
        t('vendor.jumpcloud.rotation.key1'),
        t('vendor.jumpcloud.rotation.key2'),
        t('vendor.jumpcloud.rotation.key3'),
        t('vendor.jumpcloud.rotation.key4'),
      ];
    },
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
    get steps() {
      return [
        t('vendor.jumpcloud.rotation.sa1'),
        t('vendor.jumpcloud.rotation.sa2'),
        t('vendor.jumpcloud.rotation.sa3'),
        t('vendor.jumpcloud.rotation.sa4'),
      ];
    },
  },
  offers: { curl: true },
} satisfies CredentialDescription;

export const jumpcloudDescriptions: CredentialDescription[] = [jumpcloudServiceAccountDescription, jumpcloudApiKeyDescription];
