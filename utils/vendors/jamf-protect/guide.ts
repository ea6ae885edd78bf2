// How to create a least-privilege Jamf Protect API client, in Keyhold's words (locales/*.yml,
// vendor.jamfProtect). Step ids are the ones console.ts `currentStep` returns. Source: learn.jamf.com,
// "Creating an API Client in Jamf Protect". Built per call, in the admin's language; Protect's
// console is in English only, so its names stay English (docs/console-languages.md).
import { t } from '../../i18n/translate';
import { englishConsoleNote } from '../guide-text';
import type { Guide } from '../types';
import { jamfProtectTemplates } from './templates';

export const jamfProtectGuides = (): Guide[] => [
  {
    id: 'api-client',
    name: t('vendor.jamfProtect.guide.name'),
    credentialType: 'jamf-protect',
    recommended: true,
    summary: t('vendor.jamfProtect.guide.summary'),
    startPath: '/administrative/api-clients',
    templates: jamfProtectTemplates,
    steps: [
      {
        id: 'open-api-clients',
        title: t('vendor.jamfProtect.guide.open.title'),
        body: [...englishConsoleNote('Jamf Protect'), t('vendor.jamfProtect.guide.open.b1'), t('vendor.jamfProtect.guide.open.b2')],
      },
      {
        id: 'api-clients',
        title: t('vendor.jamfProtect.guide.limit.title'),
        body: [t('vendor.jamfProtect.guide.limit.b1'), t('vendor.jamfProtect.guide.limit.b2')],
        warning: t('vendor.jamfProtect.guide.limit.warning'),
      },
      {
        id: 'create-client',
        title: t('vendor.jamfProtect.guide.create.title'),
        body: [t('vendor.jamfProtect.guide.create.b1'), t('vendor.jamfProtect.guide.create.b2'), t('vendor.jamfProtect.guide.create.b3')],
      },
      {
        id: 'capture',
        title: t('vendor.jamfProtect.guide.capture.title'),
        capture: true,
        body: [t('vendor.jamfProtect.guide.capture.b1')],
        warning: t('vendor.jamfProtect.guide.capture.warning'),
      },
      {
        id: 'test',
        title: t('vendor.jamfProtect.guide.test.title'),
        body: [t('vendor.jamfProtect.guide.test.b1')],
      },
    ],
  },
];
