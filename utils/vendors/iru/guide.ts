// How to create a least-privilege Iru (Kandji) API token, in Keyhold's words (locales/*.yml,
// vendor.iru). Step ids are the ones console.ts `currentStep` returns. Built per call, in the
// admin's language; Iru's console is in English only, so its names stay English
// (docs/console-languages.md).
import { t } from '../../i18n/translate';
import { englishConsoleNote } from '../guide-text';
import type { Guide } from '../types';
import { iruTemplates } from './templates';

export const iruGuides = (): Guide[] => [
  {
    id: 'api-token',
    name: t('vendor.iru.guide.name'),
    credentialType: 'iru',
    recommended: true,
    summary: t('vendor.iru.guide.summary'),
    // Iru's route; Kandji consoles keep Settings → Access (the tab moved under the account menu).
    startPath: '/access/api-tokens',
    templates: iruTemplates,
    steps: [
      {
        id: 'open-access',
        title: t('vendor.iru.guide.openAccess.title'),
        body: [
          ...englishConsoleNote('Iru'),
          t('vendor.iru.guide.openAccess.b1'),
          t('vendor.iru.guide.openAccess.b2'),
          t('vendor.iru.guide.openAccess.b3'),
          t('vendor.iru.guide.openAccess.b4'),
        ],
      },
      {
        id: 'add-token',
        title: t('vendor.iru.guide.addToken.title'),
        body: [t('vendor.iru.guide.addToken.b1'), t('vendor.iru.guide.addToken.b2'), t('vendor.iru.guide.addToken.b3')],
      },
      {
        id: 'copy-token',
        title: t('vendor.iru.guide.copyToken.title'),
        capture: true,
        body: [t('vendor.iru.guide.copyToken.b1'), t('vendor.iru.guide.copyToken.b2'), t('vendor.iru.guide.copyToken.b3')],
        warning: t('vendor.iru.guide.copyToken.warning'),
      },
      {
        id: 'configure-permissions',
        title: t('vendor.iru.guide.permissions.title'),
        body: [
          t('vendor.iru.guide.permissions.b1'),
          t('vendor.iru.guide.permissions.b2'),
          t('vendor.iru.guide.permissions.b3'),
          t('vendor.iru.guide.permissions.b4'),
        ],
        warning: t('vendor.iru.guide.permissions.warning'),
      },
      {
        id: 'test',
        title: t('vendor.iru.guide.test.title'),
        body: [t('vendor.iru.guide.test.b1'), t('vendor.iru.guide.test.b2')],
      },
    ],
  },
];
