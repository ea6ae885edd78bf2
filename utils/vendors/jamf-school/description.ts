// What pages know of the Jamf School API key: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import { t } from '../../i18n/translate';
import type { CredentialCore, CredentialDescription } from '../types';
import { withPageText } from '../page-text';
import { jamfSchoolTemplateCore, jamfSchoolTemplates } from './templates';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfSchoolRotation = {
  startPath: '/organisation/settings',
  get steps() {
    return [t('vendor.jamfSchool.rotation.s1'), t('vendor.jamfSchool.rotation.s2'), t('vendor.jamfSchool.rotation.s3')];
  },
};

/** What the background needs (the credential type spreads it); placeholders and paste recognition are page text. */
export const jamfSchoolCore = {
  id: 'jamf-school',
  consoleId: 'jamf-school',
  name: t('vendor.jamfSchool.name'),
  fields: [
    { name: 'baseUrl', label: t('vendor.jamfSchool.field.baseUrl'), secret: false, input: 'text' },
    { name: 'networkId', label: t('vendor.jamfSchool.field.networkId'), secret: false, publicId: true, input: 'text' },
    { name: 'apiKey', label: t('vendor.jamfSchool.field.apiKey'), secret: true, input: 'text' },
  ],
  templates: jamfSchoolTemplateCore,
} satisfies CredentialCore;

export const jamfSchoolDescription = {
  ...jamfSchoolCore,
  fields: /* @__PURE__ */ withPageText(jamfSchoolCore.fields, {
    baseUrl: { placeholder: 'https://yourschool.jamfcloud.com' },
    networkId: {
      get placeholder() {
        return t('vendor.jamfSchool.field.networkIdPlaceholder');
      },
    },
  }),
  templates: jamfSchoolTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

/** Paste recognition is for the add form only: kept out of the description the background spreads. */
export const jamfSchoolDescriptions: CredentialDescription[] = [
  {
    ...jamfSchoolDescription,
    rotation: jamfSchoolRotation,
    // A School URL looks like Jamf Pro's; only the header School's API requires names it in a pasted block.
    recognisesPasted: (text) => /X-Server-Protocol-Version/i.test(text),
  },
];
