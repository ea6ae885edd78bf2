// The side-panel guide for a Jamf Pro API client, in Keyhold's words (locales/*.yml, vendor.jamfPro).
// Step ids are the ones jamfProConsole.currentStep returns, so the panel can follow the admin
// through the console. Built per call: the text is read in the admin's language when shown.
// Jamf Pro's own menu and button names are quoted in the console's language (docs/console-languages.md).
import { t } from '../../i18n/translate';
import { namesNote } from '../guide-text';
import type { Guide, GuideTemplate } from '../types';
import { API_ROLES_AND_CLIENTS } from './console';
import { jamfProTemplates } from './privileges';

/** The privilege list for the one-click copy: one name per line, as the role form takes them. */
export function privilegeListText(template: GuideTemplate): string {
  return template.privileges.join('\n');
}

export const jamfProGuide = (): Guide => ({
  id: 'jamf-pro-api-client',
  name: t('vendor.jamfPro.guide.name'),
  credentialType: 'jamf-pro',
  recommended: true,
  summary: t('vendor.jamfPro.guide.summary'),
  // Relative to the server's base URL (origin plus context path on self-hosted servers).
  startPath: `${API_ROLES_AND_CLIENTS}?tab=api-roles`,
  templates: jamfProTemplates,
  steps: [
    {
      id: 'roles',
      title: t('vendor.jamfPro.guide.roles.title'),
      body: [
        ...namesNote(() => t('vendor.jamfPro.guide.namesNote')),
        t('vendor.jamfPro.guide.roles.b1'),
        t('vendor.jamfPro.guide.roles.b2'),
      ],
    },
    {
      id: 'new-role',
      title: t('vendor.jamfPro.guide.newRole.title'),
      body: [t('vendor.jamfPro.guide.newRole.b1'), t('vendor.jamfPro.guide.newRole.b2'), t('vendor.jamfPro.guide.newRole.b3')],
    },
    {
      id: 'clients',
      title: t('vendor.jamfPro.guide.clients.title'),
      body: [t('vendor.jamfPro.guide.clients.b1')],
    },
    {
      id: 'new-client',
      title: t('vendor.jamfPro.guide.newClient.title'),
      body: [
        t('vendor.jamfPro.guide.newClient.b1'),
        t('vendor.jamfPro.guide.newClient.b2'),
        t('vendor.jamfPro.guide.newClient.b3'),
        t('vendor.jamfPro.guide.newClient.b4'),
      ],
      warning: t('vendor.jamfPro.guide.newClient.warning'),
    },
    {
      id: 'open-client',
      title: t('vendor.jamfPro.guide.openClient.title'),
      body: [t('vendor.jamfPro.guide.openClient.b1')],
    },
    {
      id: 'generate-secret',
      title: t('vendor.jamfPro.guide.generateSecret.title'),
      body: [t('vendor.jamfPro.guide.generateSecret.b1')],
      warning: t('vendor.jamfPro.guide.generateSecret.warning'),
    },
    {
      id: 'capture',
      title: t('vendor.jamfPro.guide.capture.title'),
      body: [t('vendor.jamfPro.guide.capture.b1'), t('vendor.jamfPro.guide.capture.b2')],
      capture: true,
    },
    {
      id: 'test',
      title: t('vendor.jamfPro.guide.test.title'),
      body: [t('vendor.jamfPro.guide.test.b1'), t('vendor.jamfPro.guide.test.b2')],
    },
  ],
});

export const jamfProGuides = (): Guide[] => [jamfProGuide()];
