// What pages know of the Jamf Platform API integration: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import { t } from '../../i18n/translate';
import type { CredentialDescription } from '../types';
import { jamfPlatformTemplates } from './templates';
import { REGIONS } from './detect';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfPlatformRotation = {
  startPath: '/integrations',
  get steps() {
    return [t('vendor.jamfPlatform.rotation.s1'), t('vendor.jamfPlatform.rotation.s2'), t('vendor.jamfPlatform.rotation.s3')];
  },
};

export const jamfPlatformDescription = {
  id: 'jamf-platform',
  consoleId: 'jamf-platform',
  name: t('vendor.jamfPlatform.name'),
  fields: [
    {
      name: 'region',
      label: t('vendor.jamfPlatform.field.region'),
      secret: false,
      input: 'select',
      options: REGIONS.map((value) => ({ value, label: value.toUpperCase() })),
    },
    { name: 'clientId', label: t('vendor.jamfPlatform.field.clientId'), secret: false, input: 'text' },
    { name: 'clientSecret', label: t('vendor.jamfPlatform.field.clientSecret'), secret: true, input: 'text' },
    { name: 'environmentId', label: t('vendor.jamfPlatform.field.environmentId'), secret: false, input: 'text', optional: true },
    { name: 'tenantId', label: t('vendor.jamfPlatform.field.tenantId'), secret: false, input: 'text', optional: true },
  ],
  recognisesPasted: (text) => /\b(?:us|eu|apac)\.api\.jamfcloud\.com\b/i.test(text),
  templates: jamfPlatformTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

export const jamfPlatformDescriptions: CredentialDescription[] = [{ ...jamfPlatformDescription, rotation: jamfPlatformRotation }];
