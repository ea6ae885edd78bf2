// How to create a least-privilege Jamf Platform API integration in Jamf Account, in Keyhold's words.
// Step ids are the ones console.ts `currentStep` returns. Source: developer.jamf.com, Platform API
// getting started and fundamentals.
import type { Guide } from '../types';
import { jamfPlatformTemplates } from './templates';

export const jamfPlatformGuides: Guide[] = [
  {
    id: 'integration',
    name: 'Platform API integration',
    credentialType: 'jamf-platform',
    recommended: true,
    summary:
      'One integration made in Jamf Account reaches Jamf Pro, Protect and the rest of the platform through the regional gateway. Keyhold keeps its region, client ID, secret and scope ID together.',
    startPath: '/integrations',
    templates: jamfPlatformTemplates,
    steps: [
      {
        id: 'open-integrations',
        title: 'Open Integrations in Jamf Account',
        body: [
          'Sign in at account.jamf.com and open Integrations. You need the Administrator role or a custom role with Integrations privileges (log out and back in after it is assigned).',
        ],
      },
      {
        id: 'integrations',
        title: 'Create an integration: region and scope',
        body: [
          'Region: the one where the products live (US, EU or APAC). Tokens only work on that region’s gateway.',
          'Scope level: prefer a platform environment. One environment integration covers every product in it (Jamf Pro or School, Protect, Security Cloud), and some permissions (blueprints, compliance benchmarks) exist only there. Tenant scope is the legacy level: one integration per product tenant. Organization scope is only for Jamf Account’s own APIs (licences, SSO).',
        ],
      },
      {
        id: 'create',
        title: 'Grant only the template’s capabilities',
        body: [
          'In the permission picker, tick only the capabilities the template names (for example devices:read), nothing with update, delete or execute.',
          'Create the integration.',
        ],
      },
      {
        id: 'capture',
        title: 'Save the secret (shown once)',
        capture: true,
        body: [
          'Jamf Account shows the client ID, the client secret and the token URL once. Click “Save to Keyhold” beside the secret: Keyhold reads the region from the token URL and the environment or tenant ID where the page shows it.',
          'If the page does not show the region or the scope ID, Keyhold asks for them in this panel after saving.',
        ],
        warning: 'The secret is shown once. If the panel closes first, regenerate the secret in the integration.',
      },
      {
        id: 'test',
        title: 'Test in Keyhold',
        body: [
          'Keyhold takes one token and makes one read with exactly one scope header (none for organization scope): two requests, because the gateway’s edge blocks bursts.',
          'A wrong scope or ID, a missing capability and a wrong secret each get their own verdict.',
        ],
      },
    ],
  },
];
