// Least-privilege access rights for a Jamf School API key (Organization → Settings → API → the
// key's access rights). Shared by the guide and the test, which reads once per right.
import { t } from '../../i18n/translate';
import type { GuideTemplate } from '../types';

export const jamfSchoolTemplates: GuideTemplate[] = [
  {
    id: 'devices',
    name: t('vendor.jamfSchool.template.devices.name'),
    get description() {
      return t('vendor.jamfSchool.template.devices.description');
    },
    privileges: ['Devices: Read'],
  },
  {
    id: 'inventory',
    name: t('vendor.jamfSchool.template.inventory.name'),
    get description() {
      return t('vendor.jamfSchool.template.inventory.description');
    },
    privileges: ['Devices: Read', 'Locations: Read'],
  },
];

export function schoolTemplate(id: string | undefined): GuideTemplate {
  return jamfSchoolTemplates.find((template) => template.id === id) ?? jamfSchoolTemplates[0];
}
