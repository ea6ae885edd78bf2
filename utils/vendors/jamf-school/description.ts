// What pages know of the Jamf School API key: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import type { CredentialCore, CredentialDescription } from '../types';
import { withPageText } from '../page-text';
import { jamfSchoolTemplateCore, jamfSchoolTemplates } from './templates';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfSchoolRotation = {
  startPath: '/organisation/settings',
  steps: [
    'In Jamf School, open Organization → Settings → API and click Add API Key: name it after the integration and tick the same access rights.',
    'Click “Save to Keyhold” beside the new key (it is kept as a new credential), test it, and move the integration to it.',
    'Delete the old key in the same list; its calls fail at once. Remove the old credential from Keyhold.',
  ],
};

/** What the background needs (the credential type spreads it); placeholders and paste recognition are page text. */
export const jamfSchoolCore = {
  id: 'jamf-school',
  consoleId: 'jamf-school',
  name: 'Jamf School API key',
  fields: [
    { name: 'baseUrl', label: 'Jamf School URL', secret: false, input: 'text' },
    { name: 'networkId', label: 'Network ID', secret: false, publicId: true, input: 'text' },
    { name: 'apiKey', label: 'API key', secret: true, input: 'text' },
  ],
  templates: jamfSchoolTemplateCore,
} satisfies CredentialCore;

export const jamfSchoolDescription = {
  ...jamfSchoolCore,
  fields: /* @__PURE__ */ withPageText(jamfSchoolCore.fields, {
    baseUrl: { placeholder: 'https://yourschool.jamfcloud.com' },
    networkId: { placeholder: 'Devices → Enroll Device(s)' },
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
