// Least-privilege access rights for a Jamf School API key (Organization → Settings → API → the
// key's access rights). Shared by the guide and the test, which reads once per right.
import type { GuideTemplate } from '../types';

export const jamfSchoolTemplates: GuideTemplate[] = [
  {
    id: 'devices',
    name: 'Device inventory',
    description: 'Reads the device list (asset and inventory sync). Access right: Devices → Read only.',
    privileges: ['Devices: Read'],
  },
  {
    id: 'inventory',
    name: 'Devices and locations',
    description: 'Reads devices and locations (sites), for tools that sort devices per school. Read rights only.',
    privileges: ['Devices: Read', 'Locations: Read'],
  },
];

export function schoolTemplate(id: string | undefined): GuideTemplate {
  return jamfSchoolTemplates.find((template) => template.id === id) ?? jamfSchoolTemplates[0];
}
