// The two ways to get API access to JumpCloud, in Keyhold's words. Step ids are what
// jumpcloudConsole.currentStep returns; role names are the console's own.
import type { Guide } from '../types';
import { jumpcloudTemplates } from './templates';

export const serviceAccountGuide: Guide = {
  id: 'jumpcloud-service-account',
  name: 'Service account',
  credentialType: 'jumpcloud-service-account',
  recommended: true,
  summary:
    'Belongs to the organisation, not to a person, so it keeps working when an admin leaves. It gets its own role, and two secrets let you rotate without downtime.',
  startPath: '/#/settings/service-accounts',
  templates: jumpcloudTemplates,
  steps: [
    {
      id: 'sa-open',
      title: 'Open Service Accounts',
      body: [
        'In the JumpCloud Admin Portal, go to Settings and open the Service Accounts tab.',
        'Creating a service account and choosing its role needs the Administrator With Billing role.',
      ],
    },
    {
      id: 'sa-details',
      title: 'Name it and choose its role',
      body: [
        'Click + New.',
        'Use a name that says what will use it, for example "Keyhold inventory sync".',
        'Under Role, pick the role of the template you chose (Read Only for inventory). Pick the weakest role that does the job.',
      ],
    },
    {
      id: 'sa-secret',
      title: 'Choose Client Secret and its lifetime',
      body: [
        'Under Key Type, select Client Secret.',
        'Pick a Secret Lifetime between 30 and 365 days. Keyhold keeps the expiry date so it can remind you before it arrives.',
        'Click Activate.',
      ],
    },
    {
      id: 'sa-capture',
      title: 'Save the Client ID and Client Secret',
      capture: true,
      body: [
        'JumpCloud shows the Client ID and Client Secret only once, right after Activate.',
        'Click "Save to Keyhold" beside the Client Secret. Keyhold seals both in your vault and tests them straight away.',
        'Close the dialog only after Keyhold confirms the save.',
      ],
    },
    {
      id: 'sa-test',
      title: 'Test',
      body: [
        'Keyhold asks JumpCloud for an access token with the ID and secret, then reads one user and one device group with that token.',
        'To rotate, add the second Client Secret on the service account before the first one expires and save it the same way: Keyhold replaces the stored secret.',
      ],
    },
  ],
};

export const apiKeyGuide: Guide = {
  id: 'jumpcloud-api-key',
  name: 'Admin API key',
  credentialType: 'jumpcloud-api-key',
  summary:
    'A personal key that acts with all the rights of your admin account. It stops working if your account is removed, and each admin has only one.',
  startPath: '/#/home',
  templates: jumpcloudTemplates,
  steps: [
    {
      id: 'key-open',
      title: 'Open My API Key',
      body: [
        'Click your initials at the top right of the Admin Portal and choose My API Key.',
        'If JumpCloud says you may not view or generate a key, API access is off for your account: an Administrator With Billing has to turn it on.',
        'The key cannot be narrowed to a role: it carries your own admin role. For least privilege, use a service account instead.',
      ],
    },
    {
      id: 'key-generate',
      title: 'Generate a new key',
      warning:
        'Generating a new key revokes your current key immediately: every integration that uses it stops working until it gets the new key.',
      body: ['Check which tools use your current key, then click Generate New API Key.'],
    },
    {
      id: 'key-capture',
      title: 'Set the expiration, then save the key',
      capture: true,
      body: [
        'JumpCloud shows the new key only once.',
        'New keys expire after 90 days. To change that, pick another Expiration Date first (30, 60 or 90 days, a custom period, or none).',
        'Then click "Save to Keyhold" beside the key. Keyhold stores the expiry date shown on the page.',
      ],
    },
    {
      id: 'key-test',
      title: 'Test',
      body: [
        'Keyhold reads one user and one device group with the key.',
        'Multi-tenant admins: if the test asks for an organization, pick one in the side panel and test again.',
      ],
    },
  ],
};

export const jumpcloudGuides: Guide[] = [serviceAccountGuide, apiKeyGuide];
