// What pages know of the Iru API token: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import type { CredentialDescription } from '../types';
import { iruTemplates } from './templates';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const iruApiTokenRotation = {
  startPath: '/access/api-tokens',
  steps: [
    'An Iru token cannot be regenerated: rotating means creating a new one. In Access → API tokens, click Add Token, name it after the integration and click Create.',
    'Save the new token to Keyhold from the modal (it is kept as a new credential), then click Next → Configure, tick the same permissions and Save.',
    'Test the new token in Keyhold, then switch the integration over to it.',
    'Revoke the old token: the ⋮ menu beside it → Revoke, type its name, confirm. Revoking also deletes its Activity history; to keep that, Edit the old token and remove all its permissions instead.',
    'Remove the old credential from Keyhold.',
  ],
};

export const iruApiTokenDescription = {
  id: 'iru',
  consoleId: 'iru',
  name: 'Iru API token',
  fields: [
    { name: 'apiUrl', label: 'API URL', secret: false, input: 'text', placeholder: 'acme.api.kandji.io' },
    { name: 'token', label: 'API token', secret: true, input: 'text', placeholder: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' },
    { name: 'tokenName', label: 'Token name (as listed in Access)', secret: false, input: 'text', optional: true },
  ],
  // A bare UUID names no vendor (Jamf client IDs and Apple key IDs look the same); an Iru API host does.
  recognisesPasted: (text) => /[a-z0-9-]+\.api\.(?:eu\.)?(?:kandji\.io|iru\.com)/i.test(text),
  templates: iruTemplates,
  offers: { curl: true },
} satisfies CredentialDescription;

export const iruDescriptions: CredentialDescription[] = [{ ...iruApiTokenDescription, rotation: iruApiTokenRotation }];
