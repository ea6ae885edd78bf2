// Least-privilege roles for a Jamf Protect API client, in the console's own permission names
// (Administrative → Roles). Shared by the guide and the test, which probes the template's reads.
// The cores are what the background needs; the descriptions are page text (added for pages only).
import { t } from '../../i18n/translate';
import type { GuideTemplate, TemplateCore } from '../types';
import { withTemplateText } from '../page-text';

export const jamfProtectTemplateCore: TemplateCore[] = [
  { id: 'reader', name: t('vendor.jamfProtect.template.reader.name'), privileges: ['Computers', 'Alerts'] },
  { id: 'jamf-pro-integration', name: t('vendor.jamfProtect.template.jamfPro.name'), privileges: ['Plans', 'API Clients', 'Downloads'] },
];

export const jamfProtectTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(jamfProtectTemplateCore, {
  reader: 'vendor.jamfProtect.template.reader.description',
  // Jamf's recommended minimum for connecting Protect to Jamf Pro (Creating an API Client in Jamf Protect).
  'jamf-pro-integration': 'vendor.jamfProtect.template.jamfPro.description',
});

export function protectTemplate(id: string | undefined): TemplateCore {
  return jamfProtectTemplateCore.find((template) => template.id === id) ?? jamfProtectTemplateCore[0];
}
