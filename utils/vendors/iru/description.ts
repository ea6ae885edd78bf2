// What pages know of the Iru API token: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts; api-token.ts adds
// the test to the core only (the worker needs no page text).
import type { CredentialCore, CredentialDescription } from '../types';
import { t } from '../../i18n/translate';
import { withPageText } from '../page-text';
import { iruTemplateCore, iruTemplates } from './templates';

export const iruApiTokenCore = {
  id: 'iru',
  consoleId: 'iru',
  name: t('vendor.iru.name'),
  fields: [
    { name: 'apiUrl', label: t('vendor.iru.field.apiUrl'), secret: false, input: 'text' },
    { name: 'token', label: t('vendor.iru.field.token'), secret: true, input: 'text' },
    { name: 'tokenName', label: t('vendor.iru.field.tokenName'), secret: false, input: 'text', optional: true },
  ],
  templates: iruTemplateCore,
} satisfies CredentialCore;

export const iruApiTokenDescription = {
  ...iruApiTokenCore,
  templates: iruTemplates,
  fields: /* @__PURE__ */ withPageText(iruApiTokenCore.fields, {
    apiUrl: { placeholder: 'acme.api.kandji.io' },
    token: { placeholder: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' },
  }),
  // A bare UUID names no vendor (Jamf client IDs and Apple key IDs look the same); an Iru API host does.
  recognisesPasted: (text) => /[a-z0-9-]+\.api\.(?:eu\.)?(?:kandji\.io|iru\.com)/i.test(text),
  rotation: {
    startPath: '/access/api-tokens',
    get steps() {
      return [
        t('vendor.iru.rotation.s1'),
        t('vendor.iru.rotation.s2'),
        t('vendor.iru.rotation.s3'),
        t('vendor.iru.rotation.s4'),
        t('vendor.iru.rotation.s5'),
      ];
    },
  },
  offers: { curl: true },
} satisfies CredentialDescription;

export const iruDescriptions: CredentialDescription[] = [iruApiTokenDescription];
