// Least-privilege access rights for a Jamf School API key (Organization → Settings → API → the
// key's access rights). Shared by the guide and the test, which reads once per right.
// The cores are what the background needs; the descriptions are page text (added for pages only).
import type { GuideTemplate, TemplateCore } from '../types';
import { withTemplateText } from '../page-text';

export const jamfSchoolTemplateCore: TemplateCore[] = [
  { id: 'devices', name: 'Device inventory', privileges: ['Devices: Read'] },
  { id: 'inventory', name: 'Devices and locations', privileges: ['Devices: Read', 'Locations: Read'] },
];

export const jamfSchoolTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(jamfSchoolTemplateCore, {
  devices: 'Reads the device list (asset and inventory sync). Access right: Devices → Read only.',
  inventory: 'Reads devices and locations (sites), for tools that sort devices per school. Read rights only.',
});

export function schoolTemplate(id: string | undefined): TemplateCore {
  return jamfSchoolTemplateCore.find((template) => template.id === id) ?? jamfSchoolTemplateCore[0];
}
