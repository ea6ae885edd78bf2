// Capability permissions for a Jamf Platform API integration, in Jamf Account's picker names
// ({capability}:{action}, developer.jamf.com permissions map). The scope of the integration decides
// the read the test makes; the template names what the integration should hold.
import { t } from '../../i18n/translate';
import type { GuideTemplate } from '../types';

export const jamfPlatformTemplates: GuideTemplate[] = [
  {
    id: 'environment-devices',
    name: t('vendor.jamfPlatform.template.environment.name'),
    get description() {
      return t('vendor.jamfPlatform.template.environment.description');
    },
    privileges: ['devices:read'],
  },
  {
    id: 'tenant-pro',
    name: t('vendor.jamfPlatform.template.tenant.name'),
    get description() {
      return t('vendor.jamfPlatform.template.tenant.description');
    },
    privileges: [],
  },
  {
    id: 'organization-licensing',
    name: t('vendor.jamfPlatform.template.organization.name'),
    get description() {
      return t('vendor.jamfPlatform.template.organization.description');
    },
    privileges: ['licensing:read'],
  },
];
