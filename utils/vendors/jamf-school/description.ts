// What pages know of the Jamf School API key: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import { t } from '../../i18n/translate';
import type { CredentialDescription } from '../types';
import { jamfSchoolTemplates } from './templates';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfSchoolRotation = {
  startPath: '/organisation/settings',
  get steps() {
    return [t('vendor.jamfSchool.rotation.s1'), t('vendor.jamfSchool.rotation.s2'), t('vendor.jamfSchool.rotation.s3')];
  },
};

export const jamfSchoolDescription = {
  id: 'jamf-school',
  consoleId: 'jamf-school',
  name: t('vendor.jamfSchool.name'),
  fields: [
    {
      name: 'baseUrl',
      label: t('vendor.jamfSchool.field.baseUrl'),
      secret: false,
      input: 'text',
      placeholder: 'https://yourschool.jamfcloud.com',
    },
    {
      name: 'networkId',
      label: t('vendor.jamfSchool.field.networkId'),
      secret: false,
      input: 'text',
      placeholder: t('vendor.jamfSchool.field.networkIdPlaceholder'),
    },
    { name: 'apiKey', label: t('vendor.jamfSchool.field.apiKey'), secret: true, input: 'text' },
  ],
  // A School URL looks like Jamf Pro's; only the header School's API requires names it in a pasted block.
  recognisesPasted: (text) => /X-Server-Protocol-Version/i.test(text),
  templates: jamfSchoolTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

export const jamfSchoolDescriptions: CredentialDescription[] = [{ ...jamfSchoolDescription, rotation: jamfSchoolRotation }];
