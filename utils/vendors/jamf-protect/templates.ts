// Least-privilege roles for a Jamf Protect API client, in the console's own permission names
// (Administrative → Roles). Shared by the guide and the test, which probes the template's reads.
import type { GuideTemplate } from '../types';

export const jamfProtectTemplates: GuideTemplate[] = [
  {
    id: 'reader',
    name: 'Alerts and computers reader',
    description: 'Reads computers and alerts (SIEM feeds, inventory sync). A custom role with Read on these and nothing else.',
    privileges: ['Computers', 'Alerts'],
  },
  {
    id: 'jamf-pro-integration',
    name: 'Jamf Pro integration',
    // Jamf's recommended minimum for connecting Protect to Jamf Pro (Creating an API Client in Jamf Protect).
    description: 'What Jamf Pro needs to deploy Protect: Read on Plans, API Clients and Downloads.',
    privileges: ['Plans', 'API Clients', 'Downloads'],
  },
];

export function protectTemplate(id: string | undefined): GuideTemplate {
  return jamfProtectTemplates.find((template) => template.id === id) ?? jamfProtectTemplates[0];
}
