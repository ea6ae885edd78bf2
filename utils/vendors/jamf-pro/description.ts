// What pages know of the Jamf Pro API client: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts; jamf-pro.ts adds the
// test to the core only (the worker needs no page text).
import type { CredentialCore, CredentialDescription } from '../types';
import { withPageText } from '../page-text';
import { jamfProTemplateCore, jamfProTemplates } from './privileges';

export const jamfProCore = {
  id: 'jamf-pro',
  consoleId: 'jamf-pro',
  name: 'Jamf Pro API client',
  fields: [
    { name: 'baseUrl', label: 'Jamf Pro server URL', secret: false, input: 'text' },
    { name: 'clientId', label: 'Client ID', secret: false, publicId: true, input: 'text' },
    { name: 'clientSecret', label: 'Client Secret', secret: true, input: 'text' },
  ],
  templates: jamfProTemplateCore,
} satisfies CredentialCore;

export const jamfProDescription = {
  ...jamfProCore,
  templates: jamfProTemplates,
  fields: /* @__PURE__ */ withPageText(jamfProCore.fields, {
    baseUrl: { placeholder: 'https://yourcompany.jamfcloud.com' },
    clientId: { placeholder: 'UUID shown on the API client page' },
  }),
  // Client IDs and secrets carry no Jamf prefix; only a Jamf Cloud address names the vendor.
  recognisesPasted: (text) => /https:\/\/[a-z0-9-]+\.jamfcloud\.com(?![a-z0-9.-])/i.test(text),
  rotation: {
    startPath: '/view/settings/system-settings/api-roles-and-clients?tab=api-clients',
    steps: [
      'In Jamf Pro, open Settings → API roles and clients → API Clients and open this client.',
      'Click "Rotate Client Secret", then "Rotate Secret". The old secret stops working at once.',
      'Click "Save to Keyhold" beside the new secret: Keyhold updates this credential, tests it, and keeps the old one sealed for 7 days in case you need to roll back.',
      'Give the new secret to the integration (hand it off from Keyhold, not by email).',
    ],
  },
  offers: { curl: true },
} satisfies CredentialDescription;

export const jamfProDescriptions: CredentialDescription[] = [jamfProDescription];
