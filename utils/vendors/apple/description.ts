// What pages know of the Apple API account: fields, paste recognition, templates, rotation.
// Data only (no schema, no jose, no key parser): pages import it through ../descriptions.ts;
// apple-business.ts adds the test to the core only (the worker needs no page text).
import type { CredentialCore, CredentialDescription } from '../types';
import { withPageText } from '../page-text';
import { appleTemplateCore, appleTemplates } from './templates';
import { CLIENT_ID_PATTERN } from './ids';

export const appleBusinessCore = {
  id: 'apple-business',
  consoleId: 'apple',
  name: 'Apple Business / School Manager API account',
  fields: [
    { name: 'clientId', label: 'Client ID', secret: false, publicId: true, input: 'text' },
    { name: 'keyId', label: 'Key ID', secret: false, input: 'text' },
    { name: 'privateKey', label: 'Private key (.pem file)', secret: true, input: 'file' },
  ],
  templates: appleTemplateCore,
} satisfies CredentialCore;

export const appleBusinessDescription = {
  ...appleBusinessCore,
  templates: appleTemplates,
  fields: /* @__PURE__ */ withPageText(appleBusinessCore.fields, {
    clientId: { placeholder: 'BUSINESSAPI.… or SCHOOLAPI.…' },
    keyId: { placeholder: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' },
  }),
  recognisesPasted: (text) => CLIENT_ID_PATTERN.test(text.trim()),
  rotation: {
    startPath: '/#/main/preferences/apiaccounts',
    steps: [
      'An API account holds one private key, and revoking it stops every tool using it at once. To rotate without an outage, create a second API account for the same tool (Preferences → API → "+"), with the same permissions.',
      'Click "Generate Private Key", open Manage and save the new Client ID and Key ID to Keyhold (a new credential), then give Keyhold the new .pem.',
      'Test the new credential and switch the tool over to it.',
      'Open Manage on the old API account, revoke its key, and remove the old credential from Keyhold.',
      'If a short outage is acceptable, revoke and generate on the same account instead: the Key ID changes, so Keyhold keeps the new key as a new credential.',
    ],
  },
  offers: { curl: true, assertion: true },
} satisfies CredentialDescription;

export const appleDescriptions: CredentialDescription[] = [appleBusinessDescription];
