// Capability permissions for a Jamf Platform API integration, in Jamf Account's picker names
// ({capability}:{action}, developer.jamf.com permissions map). The scope of the integration decides
// the read the test makes; the template names what the integration should hold.
import type { GuideTemplate } from '../types';

export const jamfPlatformTemplates: GuideTemplate[] = [
  {
    id: 'environment-devices',
    name: 'Device inventory (environment scope)',
    description: 'Reads devices across the products of one platform environment. Scope: platform environment. Permission: devices:read.',
    privileges: ['devices:read'],
  },
  {
    id: 'tenant-pro',
    name: 'One Jamf Pro tenant (tenant scope, legacy)',
    description:
      'Reads one Jamf Pro tenant through the gateway. Scope: tenant. Jamf Pro permissions such as buildings:read, as your tool needs.',
    privileges: [],
  },
  {
    id: 'organization-licensing',
    name: 'Licences (organization scope)',
    description: 'Reads the organization’s licences from Jamf Account (US host only). Scope: organization. Permission: licensing:read.',
    privileges: ['licensing:read'],
  },
];
