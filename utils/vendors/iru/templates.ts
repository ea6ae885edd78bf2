// Least-privilege permission sets for an Iru API token, in the console's own permission names
// (Access → API tokens → token → Edit). Shared by the guide and the test, which probes exactly
// the permissions of the chosen template.
import type { GuideTemplate, TemplateCore } from '../types';
import { t } from '../../i18n/translate';
import { withTemplateText } from '../page-text';

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

export const iruTemplateCore: TemplateCore[] = [
  {
    id: 'device-list',
    name: t('vendor.iru.template.deviceList.name'),
    privileges: [DEVICE_LIST],
  },
  {
    id: 'inventory',
    name: t('vendor.iru.template.inventory.name'),
    privileges: [DEVICE_LIST, DEVICE_DETAILS, APPLICATION_LIST, LIST_BLUEPRINTS],
  },
];

/** The pages' templates: the cores with their descriptions (page text the worker does not bundle). */
export const iruTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(iruTemplateCore, {
  'device-list': 'vendor.iru.template.deviceList.description',
  inventory: 'vendor.iru.template.inventory.description',
});

export function templateById(id: string | undefined): TemplateCore {
  return iruTemplateCore.find((template) => template.id === id) ?? iruTemplateCore[0];
}
