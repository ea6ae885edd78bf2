// Capability permissions for a Jamf Platform API integration, in Jamf Account's picker names
// ({capability}:{action}, developer.jamf.com permissions map). The scope of the integration decides
// the read the test makes; the template names what the integration should hold.
// The cores are what the background needs; the descriptions are page text (added for pages only).
import { t } from '../../i18n/translate';
import type { GuideTemplate, TemplateCore } from '../types';
import { withTemplateText } from '../page-text';

export const jamfPlatformTemplateCore: TemplateCore[] = [
  { id: 'environment-devices', name: t('vendor.jamfPlatform.template.environment.name'), privileges: ['devices:read'] },
  { id: 'tenant-pro', name: t('vendor.jamfPlatform.template.tenant.name'), privileges: [] },
  { id: 'organization-licensing', name: t('vendor.jamfPlatform.template.organization.name'), privileges: ['licensing:read'] },
];

export const jamfPlatformTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(jamfPlatformTemplateCore, {
  'environment-devices': 'vendor.jamfPlatform.template.environment.description',
  'tenant-pro': 'vendor.jamfPlatform.template.tenant.description',
  'organization-licensing': 'vendor.jamfPlatform.template.organization.description',
});
