// The side-panel guide for a Jamf Pro API client, in Keyhold's words. Step ids are the ones
// jamfProConsole.currentStep returns, so the panel can follow the admin through the console.
import type { Guide, GuideTemplate } from '../types';
import { API_ROLES_AND_CLIENTS } from './console';
import { jamfProTemplates } from './privileges';

/** The privilege list for the one-click copy: one name per line, as the role form takes them. */
export function privilegeListText(template: GuideTemplate): string {
  return template.privileges.join('\n');
}

export const jamfProGuide: Guide = {
  id: 'jamf-pro-api-client',
  name: 'API client with its own role',
  credentialType: 'jamf-pro',
  recommended: true,
  summary:
    'A dedicated API client whose role holds only the privileges your integration uses. Its tokens are short-lived, and its secret can be rotated without touching any user account.',
  // Relative to the server's base URL (origin plus context path on self-hosted servers).
  startPath: `${API_ROLES_AND_CLIENTS}?tab=api-roles`,
  templates: jamfProTemplates,
  steps: [
    {
      id: 'roles',
      title: 'Open API Roles',
      body: [
        'In Jamf Pro, open Settings (the gear at the bottom of the sidebar), then System → API roles and clients.',
        'Stay on the API Roles tab. If a role with exactly the privileges below already exists, you can reuse it and go to step 3.',
      ],
    },
    {
      id: 'new-role',
      title: 'Create a role with these privileges',
      body: [
        'Click New and name the role after the tool it serves, so the next admin knows why it exists.',
        'In "Jamf Pro API role privileges", add each privilege of the template: type a few letters, then pick the name from the list. "Copy list" puts them all on the clipboard.',
        'Add nothing else, then click Save.',
      ],
    },
    {
      id: 'clients',
      title: 'Open API Clients',
      body: ['Switch to the API Clients tab and click New.'],
    },
    {
      id: 'new-client',
      title: 'Create the client',
      body: [
        'Display Name: the tool it is for.',
        'API Roles: add the role from step 2, and only that role.',
        'Access Token Lifetime: how many seconds each token stays valid. Shorter is safer; 600 to 1800 suits most tools.',
        'Turn on "Enable API Client", then click Save.',
      ],
      warning: 'A client that is not enabled cannot get tokens, so its secret fails every test.',
    },
    {
      id: 'open-client',
      title: 'Open the client',
      body: ['Back in the API Clients list, click the display name of the client you just made.'],
    },
    {
      id: 'generate-secret',
      title: 'Generate its secret',
      body: ['Click "Generate Client Secret", then "Create Secret" in the confirmation.'],
      warning:
        'If the client already has a secret the button reads "Rotate Client Secret". Rotating cancels the old secret at once: any tool still using it stops working until it gets the new one.',
    },
    {
      id: 'capture',
      title: 'Save the secret to Keyhold',
      body: [
        'Jamf Pro shows the secret once, in a pop-up. Click "Save to Keyhold" beside it: Keyhold keeps the server URL, the client ID and the secret together, encrypted.',
        'Closed the pop-up too soon? Rotate the secret and save the new one; Keyhold updates the stored credential instead of adding a second one.',
      ],
      capture: true,
    },
    {
      id: 'test',
      title: 'Test it',
      body: [
        'Keyhold asks Jamf Pro for a token, reads the server version, checks each privilege of the template with a harmless read, then revokes the token.',
        'A missing privilege is named in the result: add it to the role. Changing a role\'s privileges needs no new secret; adding or removing a role on the client does.',
      ],
    },
  ],
};

export const jamfProGuides: Guide[] = [jamfProGuide];
