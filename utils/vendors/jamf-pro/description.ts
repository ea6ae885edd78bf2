// What pages know of the Jamf Pro API client: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts; jamf-pro.ts adds the test.
import type { CredentialDescription } from '../types';
import { jamfProTemplates } from './privileges';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfProRotation = {
  startPath: '/view/settings/system-settings/api-roles-and-clients?tab=api-clients',
  steps: [
    'In Jamf Pro, open Settings → API roles and clients → API Clients and open this client.',
    'Click "Rotate Client Secret", then "Rotate Secret". The old secret stops working at once.',
    'Click "Save to Keyhold" beside the new secret: Keyhold updates this credential, tests it, and keeps the old one sealed for 7 days in case you need to roll back.',
    'Give the new secret to the integration (hand it off from Keyhold, not by email).',
  ],
};

export const jamfProDescription = {
  id: 'jamf-pro',
  consoleId: 'jamf-pro',
  name: 'Jamf Pro API client',
  fields: [
    { name: 'baseUrl', label: 'Jamf Pro server URL', secret: false, input: 'text', placeholder: 'https://yourcompany.jamfcloud.com' },
    { name: 'clientId', label: 'Client ID', secret: false, input: 'text', placeholder: 'UUID shown on the API client page' },
    { name: 'clientSecret', label: 'Client Secret', secret: true, input: 'text' },
  ],
  // Client IDs and secrets carry no Jamf prefix; only a Jamf Cloud address names the vendor.
  recognisesPasted: (text) => /https:\/\/[a-z0-9-]+\.jamfcloud\.com(?![a-z0-9.-])/i.test(text),
  templates: jamfProTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

export const jamfProDescriptions: CredentialDescription[] = [{ ...jamfProDescription, rotation: jamfProRotation }];
