// How to create a least-privilege Jamf School API key, in Keyhold's words. Step ids are the ones
// console.ts `currentStep` returns. Source: developer.jamf.com, Jamf School developer guide.
import type { Guide } from '../types';
import { jamfSchoolTemplates } from './templates';

export const jamfSchoolGuides: Guide[] = [
  {
    id: 'api-key',
    name: 'API key',
    credentialType: 'jamf-school',
    recommended: true,
    summary:
      'A Jamf School API key with only the access rights your integration needs, kept with the school’s Network ID. School has no token exchange: each call sends the Network ID and key.',
    startPath: '/organisation/settings',
    templates: jamfSchoolTemplates,
    steps: [
      {
        id: 'network-id',
        title: 'Note the Network ID',
        body: [
          'Open Devices → Enroll Device(s). The Network ID is shown there, and it is also the number after “network=” in the MDM server URL.',
          'Keyhold reads it when this page or the API page shows it; otherwise it asks for it after the key is saved.',
        ],
      },
      {
        id: 'open-api',
        title: 'Open Organization → Settings → API',
        body: ['In Jamf School, open Organization → Settings, then the API tab.'],
      },
      {
        id: 'add-key',
        title: 'Add a key with only the template’s rights',
        body: [
          'Click Add API Key and name it after the tool that uses it.',
          'Access rights: tick Read on the template’s resources only (Devices for device inventory; Devices and Locations for the second template). Leave Add, Edit and Delete unticked.',
          'Save.',
        ],
      },
      {
        id: 'capture',
        title: 'Save the key',
        capture: true,
        body: ['Click “Save to Keyhold” beside the key: Keyhold stores it with the Network ID and the school’s address, then tests it.'],
        warning: 'Treat the key like a password: it works until someone deletes it, whoever created it.',
      },
      {
        id: 'test',
        title: 'Test in Keyhold',
        body: [
          'Keyhold makes one filtered read per access right (it never lists the whole fleet). A refused right shows as a missing row; a wrong Network ID or key is refused outright.',
        ],
      },
    ],
  },
];
