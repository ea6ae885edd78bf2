// Jamf Pro privileges Keyhold can check, and the templates built from them. Names are Jamf's
// own (the `x-required-privileges` of each operation in Jamf's OpenAPI document); a contract
// test holds every probe to that list.
import type { GuideTemplate, TemplateCore } from '../types';
import { t } from '../../i18n/translate';
import { withTemplateText } from '../page-text';

export interface PrivilegeProbe {
  /** Path under `{base}/api`, as Jamf's OpenAPI document names the operation (GET). */
  path: string;
  query?: string;
  /** Exactly the operation's x-required-privileges. */
  privileges: string[];
  /** Tried when `path` answers 404 (the endpoint moved on newer or older servers). */
  fallback?: string;
  /**
   * When `path` needs several privileges and is refused, this probe needs only some of them,
   * so a refusal can be pinned on the privilege actually missing.
   */
  narrower?: PrivilegeProbe;
}

/**
 * One cheap read per privilege. Computer inventory: /v1 first, because every Jamf Pro 10.4x–11.x
 * server serves it (deprecated but answering on the newest), while /v3 exists only on the newest;
 * /v3 is tried only when /v1 is gone, so most servers cost one call instead of a 404 and a retry.
 */
export const privilegeProbes: PrivilegeProbe[] = [
  {
    path: '/v1/computers-inventory',
    query: 'section=GENERAL&page=0&page-size=1',
    privileges: ['Read Computers'],
    fallback: '/v3/computers-inventory',
  },
  { path: '/v2/mobile-devices', query: 'page=0&page-size=1', privileges: ['Read Mobile Devices'] },
  { path: '/v1/buildings', query: 'page=0&page-size=1', privileges: ['Read Buildings'] },
  { path: '/v1/departments', query: 'page=0&page-size=1', privileges: ['Read Departments'] },
  {
    path: '/v1/computer-groups',
    privileges: ['Read Smart Computer Groups', 'Read Static Computer Groups'],
    narrower: { path: '/v2/computer-groups/smart-groups', query: 'page=0&page-size=1', privileges: ['Read Smart Computer Groups'] },
  },
  { path: '/v1/api-roles', query: 'page=0&page-size=1', privileges: ['Read API Roles'] },
];

/** Every privilege some probe can check, in probe order. */
export const checkablePrivileges: string[] = [...new Set(privilegeProbes.flatMap((probe) => probe.privileges))];

export const DEFAULT_TEMPLATE = 'device-inventory-read-only';

export const jamfProTemplateCore: TemplateCore[] = [
  {
    id: DEFAULT_TEMPLATE,
    name: t('vendor.jamfPro.template.inventory.name'),
    privileges: [
      'Read Computers',
      'Read Mobile Devices',
      'Read Buildings',
      'Read Departments',
      'Read Smart Computer Groups',
      'Read Static Computer Groups',
    ],
  },
  {
    id: 'custom',
    name: t('vendor.jamfPro.template.custom.name'),
    privileges: checkablePrivileges,
  },
];

/** The pages' templates: the cores with their descriptions (page text the worker does not bundle). */
export const jamfProTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(jamfProTemplateCore, {
  [DEFAULT_TEMPLATE]: 'vendor.jamfPro.template.inventory.description',
  custom: 'vendor.jamfPro.template.custom.description',
});

export function templateById(id: string | undefined): TemplateCore {
  return jamfProTemplateCore.find((template) => template.id === id) ?? jamfProTemplateCore[0];
}
