// How to create a least-privilege Iru (Kandji) API token, in Keyhold's words. Step ids are the ones
// console.ts `currentStep` returns.
import type { Guide } from '../types';
import { iruTemplates } from './templates';

export const iruGuides: Guide[] = [
  {
    id: 'api-token',
    name: 'API token',
    credentialType: 'iru',
    recommended: true,
    summary:
      'A tenant API token with only the permissions your integration needs, saved together with the tenant’s API URL. Iru has no token exchange: the token itself is the bearer.',
    // Iru's route; Kandji consoles keep Settings → Access (the tab moved under the account menu).
    startPath: '/access/api-tokens',
    templates: iruTemplates,
    steps: [
      {
        id: 'open-access',
        title: 'Open Access → API tokens',
        body: [
          'Iru: click your name at the bottom of the left-hand navigation, choose Access, then open the API tokens tab.',
          'Kandji: open Settings, then the Access tab, and scroll down to the API Token section.',
          'The page says “Your organization’s API URL is …” (a host ending in .api.kandji.io, .api.eu.kandji.io, .api.iru.com or .api.eu.iru.com). Keyhold reads it when it saves the token, so there is nothing to copy by hand.',
          'All tokens of a tenant share one budget of 10,000 API requests per hour. Give each integration its own token so that you can follow its activity and revoke it on its own.',
        ],
      },
      {
        id: 'add-token',
        title: 'Add a token',
        body: [
          'Click Add Token.',
          'Name: say which tool uses it (for example “Keyhold – asset sync”). Description: who owns the integration and why it exists.',
          'Click Create.',
        ],
      },
      {
        id: 'copy-token',
        title: 'Save the token (shown once)',
        capture: true,
        body: [
          'A modal shows the new token, a UUID. Click “Save to Keyhold” beside it: Keyhold stores it with the API URL in your vault.',
          'If the token is hidden behind dots and no button appears, click the eye icon to show it.',
          'Then tick the box confirming you copied it, if the modal asks, and click Next.',
        ],
        warning: 'Iru never shows this token again. If the modal closes before you save it, revoke the token and create a new one.',
      },
      {
        id: 'configure-permissions',
        title: 'Grant only the template’s permissions',
        body: [
          'Click Configure (not Skip).',
          'Device list template: tick Device list. Inventory template: tick Device list, Device details and Application list (section Device Information) and List Blueprints (section Blueprints Management).',
          'Tick single permissions: the box at the top of a section ticks every permission in it.',
          'Click Save.',
        ],
        warning:
          'A token with no permissions exists but every call it makes is refused. If you chose Skip, open the token from the API tokens list, click Edit and add the permissions.',
      },
      {
        id: 'test',
        title: 'Test in Keyhold',
        body: [
          'Keyhold lists one device, then makes one call per permission of the template: at most five requests from the tenant’s shared hourly budget. The result shows which permissions work.',
          'The token keeps working until someone revokes it in Access, even after the admin who created it leaves the tenant. Revoke tokens you no longer use.',
        ],
      },
    ],
  },
];
