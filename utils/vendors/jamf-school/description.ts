// What pages know of the Jamf School API key: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import type { CredentialDescription } from '../types';
import { jamfSchoolTemplates } from './templates';

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

export const jamfSchoolDescription = {
  id: 'jamf-school',
  consoleId: 'jamf-school',
  name: 'Jamf School API key',
  fields: [
    { name: 'baseUrl', label: 'Jamf School URL', secret: false, input: 'text', placeholder: 'https://yourschool.jamfcloud.com' },
    { name: 'networkId', label: 'Network ID', secret: false, publicId: true, input: 'text', placeholder: 'Devices → Enroll Device(s)' },
    { name: 'apiKey', label: 'API key', secret: true, input: 'text' },
  ],
  // A School URL looks like Jamf Pro's; only the header School's API requires names it in a pasted block.
  recognisesPasted: (text) => /X-Server-Protocol-Version/i.test(text),
  templates: jamfSchoolTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

export const jamfSchoolDescriptions: CredentialDescription[] = [{ ...jamfSchoolDescription, rotation: jamfSchoolRotation }];
