// How to create a least-privilege Jamf Protect API client, in Keyhold's words. Step ids are the
// ones console.ts `currentStep` returns. Source: learn.jamf.com, "Creating an API Client in Jamf Protect".
import type { Guide } from '../types';
import { jamfProtectTemplates } from './templates';

export const jamfProtectGuides: Guide[] = [
  {
    id: 'api-client',
    name: 'API client',
    credentialType: 'jamf-protect',
    recommended: true,
    summary:
      'A Jamf Protect API client with a read-only role. Protect calls its secret a password and shows it once; Keyhold keeps it with the client ID and the tenant URL.',
    startPath: '/administrative/api-clients',
    templates: jamfProtectTemplates,
    steps: [
      {
        id: 'open-api-clients',
        title: 'Open Administrative → API Clients',
        body: [
          'In Jamf Protect, open Administrative in the left-hand navigation, then API Clients.',
          'First make a role with only what the integration reads (Administrative → Roles): Read on the template’s permissions, nothing else. The built-in Read Only role also works but grows with every future read permission.',
        ],
      },
      {
        id: 'api-clients',
        title: 'Check the five-client limit',
        body: [
          'A Protect tenant holds at most five API clients. Count the list: if there are already five, delete one that is no longer used before you create a sixth (Protect will not let you).',
          'Click Create API Client.',
        ],
        warning: 'Deleting an API client breaks every integration that still uses it: check with its owner first.',
      },
      {
        id: 'create-client',
        title: 'Name it and assign the role',
        body: [
          'Name: say which tool uses it (for example “Keyhold – SIEM feed”).',
          'Role: the read-only role from the first step.',
          'Save.',
        ],
      },
      {
        id: 'capture',
        title: 'Save the password (shown once)',
        capture: true,
        body: [
          'Protect shows the API Client Configuration (client ID, password) and the Token and API Endpoints. Click “Save to Keyhold” beside the password: Keyhold stores it with the client ID and this tenant’s URL, then tests it.',
        ],
        warning: 'Protect never shows the password again. If you leave the page before saving it, delete the client and create a new one.',
      },
      {
        id: 'test',
        title: 'Test in Keyhold',
        body: [
          'Keyhold takes a token (POST /token) and makes one GraphQL read with one field per permission of the template: two requests. A permission the role lacks shows as a missing row; the client itself still works.',
        ],
      },
    ],
  },
];
