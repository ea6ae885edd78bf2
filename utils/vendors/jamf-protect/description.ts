// What pages know of the Jamf Protect API client: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import type { CredentialCore, CredentialDescription } from '../types';
import { withPageText } from '../page-text';
import { jamfProtectTemplateCore, jamfProtectTemplates } from './templates';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfProtectRotation = {
  startPath: '/administrative/api-clients',
  steps: [
    'Jamf Protect cannot show or regenerate a password: rotating means a new API client. In Administrative → API Clients, click Create API Client, give it the same role, and save the new password to Keyhold.',
    'A tenant holds at most five API clients: if the list is full, delete an unused one first.',
    'Move the integration to the new client, test it in Keyhold, then delete the old client in Protect and remove its credential from Keyhold.',
  ],
};

/** What the background needs (the credential type spreads it); placeholders and paste recognition are page text. */
export const jamfProtectCore = {
  id: 'jamf-protect',
  consoleId: 'jamf-protect',
  name: 'Jamf Protect API client',
  fields: [
    { name: 'protectUrl', label: 'Jamf Protect URL', secret: false, input: 'text' },
    { name: 'clientId', label: 'Client ID', secret: false, publicId: true, input: 'text' },
    { name: 'password', label: 'Password', secret: true, input: 'text' },
  ],
  templates: jamfProtectTemplateCore,
} satisfies CredentialCore;

export const jamfProtectDescription = {
  ...jamfProtectCore,
  fields: /* @__PURE__ */ withPageText(jamfProtectCore.fields, {
    protectUrl: { placeholder: 'https://yourcompany.protect.jamfcloud.com' },
  }),
  templates: jamfProtectTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

/** Paste recognition is for the add form only: kept out of the description the background spreads. */
export const jamfProtectDescriptions: CredentialDescription[] = [
  {
    ...jamfProtectDescription,
    rotation: jamfProtectRotation,
    recognisesPasted: (value) => /[a-z0-9-]+\.protect\.jamfcloud\.com/i.test(value),
  },
];
