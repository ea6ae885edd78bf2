// What pages know of the Jamf Protect API client: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import type { CredentialDescription } from '../types';
import { jamfProtectTemplates } from './templates';

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

export const jamfProtectDescription = {
  id: 'jamf-protect',
  consoleId: 'jamf-protect',
  name: 'Jamf Protect API client',
  fields: [
    {
      name: 'protectUrl',
      label: 'Jamf Protect URL',
      secret: false,
      input: 'text',
      placeholder: 'https://yourcompany.protect.jamfcloud.com',
    },
    { name: 'clientId', label: 'Client ID', secret: false, publicId: true, input: 'text' },
    { name: 'password', label: 'Password', secret: true, input: 'text' },
  ],
  recognisesPasted: (value) => /[a-z0-9-]+\.protect\.jamfcloud\.com/i.test(value),
  templates: jamfProtectTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

export const jamfProtectDescriptions: CredentialDescription[] = [{ ...jamfProtectDescription, rotation: jamfProtectRotation }];
