// Capability permissions for a Jamf Platform API integration, in Jamf Account's picker names
// ({capability}:{action}, developer.jamf.com permissions map). The scope of the integration decides
// the read the test makes; the template names what the integration should hold.
// The cores are what the background needs; the descriptions are page text (added for pages only).
import type { GuideTemplate, TemplateCore } from '../types';
import { withTemplateText } from '../page-text';

export const jamfPlatformTemplateCore: TemplateCore[] = [
  { id: 'environment-devices', name: 'Device inventory (environment scope)', privileges: ['devices:read'] },
  { id: 'tenant-pro', name: 'One Jamf Pro tenant (tenant scope, legacy)', privileges: [] },
  { id: 'organization-licensing', name: 'Licences (organization scope)', privileges: ['licensing:read'] },
];

export const jamfPlatformTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(jamfPlatformTemplateCore, {
  'environment-devices':
    'Reads devices across the products of one platform environment. Scope: platform environment. Permission: devices:read.',
  'tenant-pro':
    'Reads one Jamf Pro tenant through the gateway. Scope: tenant. Jamf Pro permissions such as buildings:read, as your tool needs.',
  'organization-licensing':
    'Reads the organization’s licences from Jamf Account (US host only). Scope: organization. Permission: licensing:read.',
});
