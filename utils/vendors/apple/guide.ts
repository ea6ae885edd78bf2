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
    'Create an API account for one tool, download its private key once, save its Client ID and Key ID from the Manage view, then give Keyhold the .pem file.',
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
        'Click "+" and, in API Account Label, type a name that says which tool will use this account.',
        'Apple Business: tick only the permissions of the template you chose. Apple School Manager has no permissions to pick.',
        'Click Create.',
      ],
    },
    {
      id: 'generate-key',
      title: 'Generate and keep the private key',
      body: [
        'Click "Generate Private Key". Your browser downloads a .pem file named after the account and the date.',
        'Keep that file until Keyhold has it: Apple offers the download only this once.',
      ],
      warning:
        'Apple cannot show or download this key again. If the file is lost you must revoke the key and generate a new one, and revoking breaks every tool that uses it.',
    },
    {
      id: 'capture-ids',
      title: 'Save the Client ID and Key ID',
      body: [
        'Open the API account with Manage. It lists the Client ID (BUSINESSAPI.… or SCHOOLAPI.…) and the Key ID.',
        'Click "Save to Keyhold" beside the Client ID. Keyhold saves both IDs and marks the credential incomplete until it has the key.',
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
