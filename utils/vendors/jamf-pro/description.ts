// What pages know of the Jamf Pro API client: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts; jamf-pro.ts adds the
// test to the core only (the worker needs no page text).
import type { CredentialCore, CredentialDescription } from '../types';
import { t } from '../../i18n/translate';
import { withPageText } from '../page-text';
import { jamfProTemplateCore, jamfProTemplates } from './privileges';

export const jamfProCore = {
  id: 'jamf-pro',
  consoleId: 'jamf-pro',
  name: t('vendor.jamfPro.name'),
  fields: [
    { name: 'baseUrl', label: t('vendor.jamfPro.field.baseUrl'), secret: false, input: 'text' },
    { name: 'clientId', label: t('vendor.jamfPro.field.clientId'), secret: false, publicId: true, input: 'text' },
    { name: 'clientSecret', label: t('vendor.jamfPro.field.clientSecret'), secret: true, input: 'text' },
  ],
  templates: jamfProTemplateCore,
} satisfies CredentialCore;

export const jamfProDescription = {
  ...jamfProCore,
  templates: jamfProTemplates,
  fields: /* @__PURE__ */ withPageText(jamfProCore.fields, {
    baseUrl: { placeholder: 'https://yourcompany.jamfcloud.com' },
    clientId: {
      get placeholder() {
        return t('vendor.jamfPro.field.clientIdPlaceholder');
      },
    },
  }),
  // Client IDs and secrets carry no Jamf prefix; only a Jamf Cloud address names the vendor.
  recognisesPasted: (text) => /https:\/\/[a-z0-9-]+\.jamfcloud\.com(?![a-z0-9.-])/i.test(text),
  rotation: {
    startPath: '/view/settings/system-settings/api-roles-and-clients?tab=api-clients',
    get steps() {
      return [
        t('vendor.jamfPro.rotation.s1'),
        t('vendor.jamfPro.rotation.s2'),
        t('vendor.jamfPro.rotation.s3'),
        t('vendor.jamfPro.rotation.s4'),
      ];
    },
  },
  offers: { curl: true },
} satisfies CredentialDescription;

export const jamfProDescriptions: CredentialDescription[] = [jamfProDescription];
