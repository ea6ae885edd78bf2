// How to make an Apple Business / Apple School Manager API account that Keyhold can hold. Step
// ids are the ones console.ts `currentStep` returns ('add-key' and 'test' happen in Keyhold).
import type { Guide } from '../types';
import { appleTemplates } from './templates';

export const appleGuide: Guide = {
  id: 'apple-api-account',
  name: 'API account (Client ID, Key ID and private key)',
  credentialType: 'apple-business',
  recommended: true,
  summary:
    'Create an API account for one tool, download its private key once, save its Client ID and Key ID from the Edit view (Manage in Apple School Manager), then give Keyhold the .pem file.',
  startPath: '/#/main/preferences/apiaccounts',
  templates: appleTemplates,
  steps: [
    {
      id: 'open-api',
      title: 'Open Preferences, then API',
      body: [
        'Sign in as an Organization Administrator (Apple Business) or an Administrator (Apple School Manager): other roles cannot make API accounts.',
        'Click your name at the bottom of the sidebar, choose Preferences, then API.',
        'An organization can have up to 50 API accounts.',
      ],
    },
    {
      id: 'create-account',
      title: 'Create the API account',
      body: [
        'Apple Business: click Add API Account, type a name that says which tool will use it, choose its role (only the permissions of the template you chose), then click Next.',
        'Apple School Manager (and the older Apple Business Manager): click "+", type the name in API Account Label, then click Create.',
      ],
    },
    {
      id: 'generate-key',
      title: 'Generate and keep the private key',
      body: [
        'Apple Business: click Generate & Download. Apple School Manager: click Generate Private Key. Your browser downloads a .pem file.',
        'If you chose Not Now, generate the key later from the account\'s Edit view before a tool can use it.',
        'Keep that file until Keyhold has it: Apple offers the download only this once.',
      ],
      warning:
        'Apple cannot show or download this key again. If the file is lost you must revoke the key and generate a new one, and revoking breaks every tool that uses it.',
    },
    {
      id: 'capture-ids',
      title: 'Save the Client ID and Key ID',
      body: [
        'Click Edit beside the API account (Manage in Apple School Manager). It shows the Client ID (BUSINESSAPI.… or SCHOOLAPI.…) and the Key ID, each with a copy button.',
        'Click "Save to Keyhold" below the Client ID: no copying needed. Keyhold saves both IDs and marks the credential incomplete until it has the key.',
      ],
      warning: 'The Revoke button in this view disables the key at once for every integration that uses it.',
      capture: true,
    },
    {
      id: 'add-key',
      title: 'Give Keyhold the private key',
      body: [
        'In the Keyhold side panel, choose the downloaded .pem file or drop it on the panel. Keyhold checks it is a P-256 key and seals it straight away.',
        'Once every tool that needs the key has it, delete the downloaded copy.',
      ],
    },
    {
      id: 'test',
      title: 'Test',
      body: [
        'Keyhold signs a five-minute client assertion, asks account.apple.com for a token, then reads one MDM server and one device.',
        'The result shows how long the token lasts and which reads work.',
      ],
    },
  ],
};
