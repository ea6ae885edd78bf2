// Least-privilege access rights for a Jamf School API key (Organization → Settings → API → the
// key's access rights). Shared by the guide and the test, which reads once per right.
// The cores are what the background needs; the descriptions are page text (added for pages only).
import { t } from '../../i18n/translate';
import type { GuideTemplate, TemplateCore } from '../types';
import { withTemplateText } from '../page-text';

export const jamfSchoolTemplateCore: TemplateCore[] = [
  { id: 'devices', name: t('vendor.jamfSchool.template.devices.name'), privileges: ['Devices: Read'] },
  { id: 'inventory', name: t('vendor.jamfSchool.template.inventory.name'), privileges: ['Devices: Read', 'Locations: Read'] },
];

export const jamfSchoolTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(jamfSchoolTemplateCore, {
  devices: 'vendor.jamfSchool.template.devices.description',
  inventory: 'vendor.jamfSchool.template.inventory.description',
});

export function schoolTemplate(id: string | undefined): TemplateCore {
  return jamfSchoolTemplateCore.find((template) => template.id === id) ?? jamfSchoolTemplateCore[0];
}
