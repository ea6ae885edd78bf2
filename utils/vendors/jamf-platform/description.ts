// What pages know of the Jamf Platform API integration: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import { t } from '../../i18n/translate';
import type { CredentialCore, CredentialDescription } from '../types';
import { withPageText } from '../page-text';
import { jamfPlatformTemplateCore, jamfPlatformTemplates } from './templates';
import { REGIONS } from './detect';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfPlatformRotation = {
  startPath: '/integrations',
  get steps() {
    return [t('vendor.jamfPlatform.rotation.s1'), t('vendor.jamfPlatform.rotation.s2'), t('vendor.jamfPlatform.rotation.s3')];
  },
};

/** What the background needs (the credential type spreads it); the region choices and paste recognition are page text. */
export const jamfPlatformCore = {
  id: 'jamf-platform',
  consoleId: 'jamf-platform',
  name: t('vendor.jamfPlatform.name'),
  fields: [
    { name: 'region', label: t('vendor.jamfPlatform.field.region'), secret: false, input: 'select' },
    { name: 'clientId', label: t('vendor.jamfPlatform.field.clientId'), secret: false, publicId: true, input: 'text' },
    { name: 'clientSecret', label: t('vendor.jamfPlatform.field.clientSecret'), secret: true, input: 'text' },
    { name: 'environmentId', label: t('vendor.jamfPlatform.field.environmentId'), secret: false, input: 'text', optional: true },
    { name: 'tenantId', label: t('vendor.jamfPlatform.field.tenantId'), secret: false, input: 'text', optional: true },
  ],
  templates: jamfPlatformTemplateCore,
} satisfies CredentialCore;

export const jamfPlatformDescription = {
  ...jamfPlatformCore,
  fields: /* @__PURE__ */ withPageText(jamfPlatformCore.fields, {
    region: { options: /* @__PURE__ */ REGIONS.map((value) => ({ value, label: value.toUpperCase() })) },
  }),
  templates: jamfPlatformTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

/** Paste recognition is for the add form only: kept out of the description the background spreads. */
export const jamfPlatformDescriptions: CredentialDescription[] = [
  {
    ...jamfPlatformDescription,
    rotation: jamfPlatformRotation,
    recognisesPasted: (text) => /\b(?:us|eu|apac)\.api\.jamfcloud\.com\b/i.test(text),
  },
];
