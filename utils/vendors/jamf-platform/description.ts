// What pages know of the Jamf Platform API integration: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import type { CredentialCore, CredentialDescription } from '../types';
import { withPageText } from '../page-text';
import { jamfPlatformTemplateCore, jamfPlatformTemplates } from './templates';
import { REGIONS } from './detect';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfPlatformRotation = {
  startPath: '/integrations',
  steps: [
    'In Jamf Account, open Integrations and the integration, then regenerate its client secret. The old secret stops working; tokens already issued lapse within 15 minutes.',
    'Click “Save to Keyhold” beside the new secret: Keyhold updates this credential and tests it.',
    'Give the new secret to the integration (hand it off from Keyhold, not by email).',
  ],
};

/** What the background needs (the credential type spreads it); the region choices and paste recognition are page text. */
export const jamfPlatformCore = {
  id: 'jamf-platform',
  consoleId: 'jamf-platform',
  name: 'Jamf Platform API integration',
  fields: [
    { name: 'region', label: 'Region', secret: false, input: 'select' },
    { name: 'clientId', label: 'Client ID', secret: false, publicId: true, input: 'text' },
    { name: 'clientSecret', label: 'Client secret', secret: true, input: 'text' },
    { name: 'environmentId', label: 'Environment ID (environment scope)', secret: false, input: 'text', optional: true },
    { name: 'tenantId', label: 'Tenant ID (tenant scope)', secret: false, input: 'text', optional: true },
  ],
  templates: jamfPlatformTemplateCore,
} satisfies CredentialCore;

export const jamfPlatformDescription = {
  ...jamfPlatformCore,
  fields: /* @__PURE__ */ withPageText(jamfPlatformCore.fields, {
    region: { options: /* @__PURE__ */ REGIONS.map((value) => ({ value, label: value.toUpperCase() })) },
  }),
  templates: jamfPlatformTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

/** Paste recognition is for the add form only: kept out of the description the background spreads. */
export const jamfPlatformDescriptions: CredentialDescription[] = [
  {
    ...jamfPlatformDescription,
    rotation: jamfPlatformRotation,
    recognisesPasted: (text) => /\b(?:us|eu|apac)\.api\.jamfcloud\.com\b/i.test(text),
  },
];
