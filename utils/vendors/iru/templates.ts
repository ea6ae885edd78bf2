// Least-privilege permission sets for an Iru API token, in the console's own permission names
// (Access → API tokens → token → Edit). Shared by the guide and the test, which probes exactly
// the permissions of the chosen template.
import type { GuideTemplate } from '../types';

export const DEVICE_LIST = 'Device list';
export const DEVICE_DETAILS = 'Device details';
export const APPLICATION_LIST = 'Application list';
export const LIST_BLUEPRINTS = 'List Blueprints';

/** The console groups permissions in sections; the guide names the section to open. */
export const PERMISSION_SECTION: Record<string, string> = {
  [DEVICE_LIST]: 'Device Information',
  [DEVICE_DETAILS]: 'Device Information',
  [APPLICATION_LIST]: 'Device Information',
  [LIST_BLUEPRINTS]: 'Blueprints Management',
};

export const iruTemplates: GuideTemplate[] = [
  {
    id: 'device-list',
    name: 'Device list',
    description:
      'Reads the device list only (name, serial number, model, OS, Blueprint, assigned user): enough for asset and inventory sync.',
    privileges: [DEVICE_LIST],
  },
  {
    id: 'inventory',
    name: 'Inventory',
    description: 'The device list plus each device’s details and installed applications, and the list of Blueprints. Read-only.',
    privileges: [DEVICE_LIST, DEVICE_DETAILS, APPLICATION_LIST, LIST_BLUEPRINTS],
  },
];

export function templateById(id: string | undefined): GuideTemplate {
  return iruTemplates.find((template) => template.id === id) ?? iruTemplates[0];
}
