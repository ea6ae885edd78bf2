// Least-privilege roles for a Jamf Protect API client, in the console's own permission names
// (Administrative → Roles). Shared by the guide and the test, which probes the template's reads.
// The cores are what the background needs; the descriptions are page text (added for pages only).
import type { GuideTemplate, TemplateCore } from '../types';
import { withTemplateText } from '../page-text';

export const jamfProtectTemplateCore: TemplateCore[] = [
  { id: 'reader', name: 'Alerts and computers reader', privileges: ['Computers', 'Alerts'] },
  { id: 'jamf-pro-integration', name: 'Jamf Pro integration', privileges: ['Plans', 'API Clients', 'Downloads'] },
];

export const jamfProtectTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(jamfProtectTemplateCore, {
  reader: 'Reads computers and alerts (SIEM feeds, inventory sync). A custom role with Read on these and nothing else.',
  // Jamf's recommended minimum for connecting Protect to Jamf Pro (Creating an API Client in Jamf Protect).
  'jamf-pro-integration': 'What Jamf Pro needs to deploy Protect: Read on Plans, API Clients and Downloads.',
});

export function protectTemplate(id: string | undefined): TemplateCore {
  return jamfProtectTemplateCore.find((template) => template.id === id) ?? jamfProtectTemplateCore[0];
}
