// The two ways to get API access to JumpCloud, in Keyhold's words (locales/*.yml, vendor.jumpcloud).
// Step ids are what jumpcloudConsole.currentStep returns; role names are the console's own. Built
// per call, in the admin's language. JumpCloud's Admin Portal is in English only, so its menu and
// button names stay English (docs/console-languages.md).
import { t } from '../../i18n/translate';
import { englishConsoleNote } from '../guide-text';
import type { Guide } from '../types';
import { jumpcloudTemplates } from './templates';

export const serviceAccountGuide = (): Guide => ({
  id: 'jumpcloud-service-account',
  name: t('vendor.jumpcloud.sa.name'),
  credentialType: 'jumpcloud-service-account',
  recommended: true,
  summary: t('vendor.jumpcloud.sa.summary'),
  startPath: '/#/settings/service-accounts',
  templates: jumpcloudTemplates,
  steps: [
    {
      id: 'sa-open',
      title: t('vendor.jumpcloud.sa.open.title'),
      body: [...englishConsoleNote('JumpCloud'), t('vendor.jumpcloud.sa.open.b1'), t('vendor.jumpcloud.sa.open.b2')],
    },
    {
      id: 'sa-details',
      title: t('vendor.jumpcloud.sa.details.title'),
      body: [t('vendor.jumpcloud.sa.details.b1'), t('vendor.jumpcloud.sa.details.b2'), t('vendor.jumpcloud.sa.details.b3')],
    },
    {
      id: 'sa-secret',
      title: t('vendor.jumpcloud.sa.secret.title'),
      body: [t('vendor.jumpcloud.sa.secret.b1'), t('vendor.jumpcloud.sa.secret.b2'), t('vendor.jumpcloud.sa.secret.b3')],
    },
    {
      id: 'sa-capture',
      title: t('vendor.jumpcloud.sa.capture.title'),
      capture: true,
      body: [t('vendor.jumpcloud.sa.capture.b1'), t('vendor.jumpcloud.sa.capture.b2'), t('vendor.jumpcloud.sa.capture.b3')],
    },
    {
      id: 'sa-test',
      title: t('vendor.jumpcloud.sa.test.title'),
      body: [t('vendor.jumpcloud.sa.test.b1'), t('vendor.jumpcloud.sa.test.b2')],
    },
  ],
});

export const apiKeyGuide = (): Guide => ({
  id: 'jumpcloud-api-key',
  name: t('vendor.jumpcloud.key.name'),
  credentialType: 'jumpcloud-api-key',
  summary: t('vendor.jumpcloud.key.summary'),
  startPath: '/#/home',
  templates: jumpcloudTemplates,
  steps: [
    {
      id: 'key-open',
      title: t('vendor.jumpcloud.key.open.title'),
      body: [
        ...englishConsoleNote('JumpCloud'),
        t('vendor.jumpcloud.key.open.b1'),
        t('vendor.jumpcloud.key.open.b2'),
        t('vendor.jumpcloud.key.open.b3'),
      ],
    },
    {
      id: 'key-generate',
      title: t('vendor.jumpcloud.key.generate.title'),
      warning: t('vendor.jumpcloud.key.generate.warning'),
      body: [t('vendor.jumpcloud.key.generate.b1')],
    },
    {
      id: 'key-capture',
      title: t('vendor.jumpcloud.key.capture.title'),
      capture: true,
      body: [t('vendor.jumpcloud.key.capture.b1'), t('vendor.jumpcloud.key.capture.b2'), t('vendor.jumpcloud.key.capture.b3')],
    },
    {
      id: 'key-test',
      title: t('vendor.jumpcloud.key.test.title'),
      body: [t('vendor.jumpcloud.key.test.b1'), t('vendor.jumpcloud.key.test.b2')],
    },
  ],
});

export const jumpcloudGuides = (): Guide[] => [serviceAccountGuide(), apiKeyGuide()];
