// How to create a least-privilege Jamf Platform API integration in Jamf Account, in Keyhold's words
// (locales/*.yml, vendor.jamfPlatform). Step ids are the ones console.ts `currentStep` returns.
// Source: developer.jamf.com, Platform API getting started and fundamentals. Built per call, in the
// admin's language; Jamf Account is in English only, so its names stay English
// (docs/console-languages.md).
import { t } from '../../i18n/translate';
import { englishConsoleNote } from '../guide-text';
import type { Guide } from '../types';
import { jamfPlatformTemplates } from './templates';

export const jamfPlatformGuides = (): Guide[] => [
  {
    id: 'integration',
    name: t('vendor.jamfPlatform.guide.name'),
    credentialType: 'jamf-platform',
    recommended: true,
    summary: t('vendor.jamfPlatform.guide.summary'),
    startPath: '/integrations',
    templates: jamfPlatformTemplates,
    steps: [
      {
        id: 'open-integrations',
        title: t('vendor.jamfPlatform.guide.open.title'),
        body: [...englishConsoleNote('Jamf Account'), t('vendor.jamfPlatform.guide.open.b1')],
      },
      {
        id: 'integrations',
        title: t('vendor.jamfPlatform.guide.scope.title'),
        body: [t('vendor.jamfPlatform.guide.scope.b1'), t('vendor.jamfPlatform.guide.scope.b2')],
      },
      {
        id: 'create',
        title: t('vendor.jamfPlatform.guide.create.title'),
        body: [t('vendor.jamfPlatform.guide.create.b1'), t('vendor.jamfPlatform.guide.create.b2')],
      },
      {
        id: 'capture',
        title: t('vendor.jamfPlatform.guide.capture.title'),
        capture: true,
        body: [t('vendor.jamfPlatform.guide.capture.b1'), t('vendor.jamfPlatform.guide.capture.b2')],
        warning: t('vendor.jamfPlatform.guide.capture.warning'),
      },
      {
        id: 'test',
        title: t('vendor.jamfPlatform.guide.test.title'),
        body: [t('vendor.jamfPlatform.guide.test.b1'), t('vendor.jamfPlatform.guide.test.b2')],
      },
    ],
  },
];
