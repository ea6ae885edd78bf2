// How to make an Apple Business / Apple School Manager API account that Keyhold can hold, in
// Keyhold's words (locales/*.yml, vendor.apple). Step ids are the ones console.ts `currentStep`
// returns ('add-key' and 'test' happen in Keyhold). Built per call, in the admin's language; Apple
// localises its portals, so the steps quote its names in that language (docs/console-languages.md).
import { t } from '../../i18n/translate';
import { namesNote } from '../guide-text';
import type { Guide } from '../types';
import { appleTemplates } from './templates';

export const appleGuide = (): Guide => ({
  id: 'apple-api-account',
  name: t('vendor.apple.guide.name'),
  credentialType: 'apple-business',
  recommended: true,
  summary: t('vendor.apple.guide.summary'),
  startPath: '/#/main/preferences/apiaccounts',
  templates: appleTemplates,
  steps: [
    {
      id: 'open-api',
      title: t('vendor.apple.guide.openApi.title'),
      body: [
        ...namesNote(() => t('vendor.apple.guide.namesNote')),
        t('vendor.apple.guide.openApi.b1'),
        t('vendor.apple.guide.openApi.b2'),
        t('vendor.apple.guide.openApi.b3'),
      ],
    },
    {
      id: 'create-account',
      title: t('vendor.apple.guide.create.title'),
      body: [t('vendor.apple.guide.create.b1'), t('vendor.apple.guide.create.b2')],
    },
    {
      id: 'generate-key',
      title: t('vendor.apple.guide.generate.title'),
      body: [t('vendor.apple.guide.generate.b1'), t('vendor.apple.guide.generate.b2'), t('vendor.apple.guide.generate.b3')],
      warning: t('vendor.apple.guide.generate.warning'),
    },
    {
      id: 'capture-ids',
      title: t('vendor.apple.guide.captureIds.title'),
      body: [t('vendor.apple.guide.captureIds.b1'), t('vendor.apple.guide.captureIds.b2')],
      warning: t('vendor.apple.guide.captureIds.warning'),
      capture: true,
    },
    {
      id: 'add-key',
      title: t('vendor.apple.guide.addKey.title'),
      body: [t('vendor.apple.guide.addKey.b1'), t('vendor.apple.guide.addKey.b2')],
    },
    {
      id: 'test',
      title: t('vendor.apple.guide.test.title'),
      body: [t('vendor.apple.guide.test.b1'), t('vendor.apple.guide.test.b2')],
    },
  ],
});
