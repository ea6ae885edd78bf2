// What pages know of the Jamf Protect API client: fields, paste recognition, templates, rotation.
// Data only (no schema, no test): pages import it through ../descriptions.ts.
import { t } from '../../i18n/translate';
import type { CredentialCore, CredentialDescription } from '../types';
import { withPageText } from '../page-text';
import { jamfProtectTemplateCore, jamfProtectTemplates } from './templates';

/** Rotation steps: page text only, so the background (which spreads the description into the
 * credential type) never bundles them. */
const jamfProtectRotation = {
  startPath: '/administrative/api-clients',
  get steps() {
    return [t('vendor.jamfProtect.rotation.s1'), t('vendor.jamfProtect.rotation.s2'), t('vendor.jamfProtect.rotation.s3')];
  },
};

/** What the background needs (the credential type spreads it); placeholders and paste recognition are page text. */
export const jamfProtectCore = {
  id: 'jamf-protect',
  consoleId: 'jamf-protect',
  name: t('vendor.jamfProtect.name'),
  fields: [
    { name: 'protectUrl', label: t('vendor.jamfProtect.field.protectUrl'), secret: false, input: 'text' },
    { name: 'clientId', label: t('vendor.jamfProtect.field.clientId'), secret: false, publicId: true, input: 'text' },
    { name: 'password', label: t('vendor.jamfProtect.field.password'), secret: true, input: 'text' },
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
