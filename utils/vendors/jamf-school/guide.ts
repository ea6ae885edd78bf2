// How to create a least-privilege Jamf School API key, in Keyhold's words (locales/*.yml,
// vendor.jamfSchool). Step ids are the ones console.ts `currentStep` returns. Source:
// developer.jamf.com, Jamf School developer guide. Built per call, in the admin's language; Jamf
// documents School's menus in English only, so its names stay English (docs/console-languages.md).
import { t } from '../../i18n/translate';
import { englishConsoleNote } from '../guide-text';
import type { Guide } from '../types';
import { jamfSchoolTemplates } from './templates';

export const jamfSchoolGuides = (): Guide[] => [
  {
    id: 'api-key',
    name: t('vendor.jamfSchool.guide.name'),
    credentialType: 'jamf-school',
    recommended: true,
    summary: t('vendor.jamfSchool.guide.summary'),
    startPath: '/organisation/settings',
    templates: jamfSchoolTemplates,
    steps: [
      {
        id: 'network-id',
        title: t('vendor.jamfSchool.guide.networkId.title'),
        body: [...englishConsoleNote('Jamf School'), t('vendor.jamfSchool.guide.networkId.b1'), t('vendor.jamfSchool.guide.networkId.b2')],
      },
      {
        id: 'open-api',
        title: t('vendor.jamfSchool.guide.openApi.title'),
        body: [t('vendor.jamfSchool.guide.openApi.b1')],
      },
      {
        id: 'add-key',
        title: t('vendor.jamfSchool.guide.addKey.title'),
        body: [t('vendor.jamfSchool.guide.addKey.b1'), t('vendor.jamfSchool.guide.addKey.b2'), t('vendor.jamfSchool.guide.addKey.b3')],
      },
      {
        id: 'capture',
        title: t('vendor.jamfSchool.guide.capture.title'),
        capture: true,
        body: [t('vendor.jamfSchool.guide.capture.b1')],
        warning: t('vendor.jamfSchool.guide.capture.warning'),
      },
      {
        id: 'test',
        title: t('vendor.jamfSchool.guide.test.title'),
        body: [t('vendor.jamfSchool.guide.test.b1')],
      },
    ],
  },
];
