// What pages know of the Apple API account: fields, paste recognition, templates, rotation.
// Data only (no schema, no jose, no key parser): pages import it through ../descriptions.ts;
// apple-business.ts adds the test to the core only (the worker needs no page text).
import type { CredentialCore, CredentialDescription } from '../types';
import { t } from '../../i18n/translate';
import { withPageText } from '../page-text';
import { appleTemplateCore, appleTemplates } from './templates';
import { CLIENT_ID_PATTERN } from './ids';

export const appleBusinessCore = {
  id: 'apple-business',
  consoleId: 'apple',
  name: t('vendor.apple.name'),
  fields: [
    { name: 'clientId', label: t('vendor.apple.field.clientId'), secret: false, publicId: true, input: 'text' },
    { name: 'keyId', label: t('vendor.apple.field.keyId'), secret: false, input: 'text' },
    { name: 'privateKey', label: t('vendor.apple.field.privateKey'), secret: true, input: 'file' },
  ],
  templates: appleTemplateCore,
} satisfies CredentialCore;

export const appleBusinessDescription = {
  ...appleBusinessCore,
  templates: appleTemplates,
  fields: /* @__PURE__ */ withPageText(appleBusinessCore.fields, {
    clientId: {
      get placeholder() {
        return t('vendor.apple.field.clientIdPlaceholder');
      },
    },
    keyId: { placeholder: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' },
  }),
  recognisesPasted: (text) => CLIENT_ID_PATTERN.test(text.trim()),
  rotation: {
    startPath: '/#/main/preferences/apiaccounts',
    get steps() {
      return [
        t('vendor.apple.rotation.s1'),
        t('vendor.apple.rotation.s2'),
        t('vendor.apple.rotation.s3'),
        t('vendor.apple.rotation.s4'),
        t('vendor.apple.rotation.s5'),
      ];
    },
  },
  offers: { curl: true, assertion: true },
} satisfies CredentialDescription;

export const appleDescriptions: CredentialDescription[] = [appleBusinessDescription];
