// Least-privilege roles for a Jamf Protect API client, in the console's own permission names
// (Administrative → Roles). Shared by the guide and the test, which probes the template's reads.
import { t } from '../../i18n/translate';
import type { GuideTemplate } from '../types';

export const jamfProtectTemplates: GuideTemplate[] = [
  {
    id: 'reader',
    name: t('vendor.jamfProtect.template.reader.name'),
    get description() {
      return t('vendor.jamfProtect.template.reader.description');
    },
    privileges: ['Computers', 'Alerts'],
  },
  {
    id: 'jamf-pro-integration',
    name: t('vendor.jamfProtect.template.jamfPro.name'),
    // Jamf's recommended minimum for connecting Protect to Jamf Pro (Creating an API Client in Jamf Protect).
    get description() {
      return t('vendor.jamfProtect.template.jamfPro.description');
    },
    privileges: ['Plans', 'API Clients', 'Downloads'],
  },
];

export function protectTemplate(id: string | undefined): GuideTemplate {
  return jamfProtectTemplates.find((template) => template.id === id) ?? jamfProtectTemplates[0];
}
