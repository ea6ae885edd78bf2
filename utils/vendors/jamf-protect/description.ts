// What pages know of the Jamf Protect API client: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import { t } from '../../i18n/translate';
import type { CredentialDescription } from '../types';
import { jamfProtectTemplates } from './templates';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfProtectRotation = {
  startPath: '/administrative/api-clients',
  get steps() {
    return [t('vendor.jamfProtect.rotation.s1'), t('vendor.jamfProtect.rotation.s2'), t('vendor.jamfProtect.rotation.s3')];
  },
};

export const jamfProtectDescription = {
  id: 'jamf-protect',
  consoleId: 'jamf-protect',
  name: t('vendor.jamfProtect.name'),
  fields: [
    {
      name: 'protectUrl',
      label: t('vendor.jamfProtect.field.protectUrl'),
      secret: false,
      input: 'text',
      placeholder: 'https://yourcompany.protect.jamfcloud.com',
    },
    { name: 'clientId', label: t('vendor.jamfProtect.field.clientId'), secret: false, input: 'text' },
    { name: 'password', label: t('vendor.jamfProtect.field.password'), secret: true, input: 'text' },
  ],
  recognisesPasted: (value) => /[a-z0-9-]+\.protect\.jamfcloud\.com/i.test(value),
  templates: jamfProtectTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

export const jamfProtectDescriptions: CredentialDescription[] = [{ ...jamfProtectDescription, rotation: jamfProtectRotation }];
