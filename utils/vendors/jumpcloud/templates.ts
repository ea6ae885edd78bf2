// JumpCloud's privilege templates (its admin roles). Kept apart from guide.ts so the background,
// which needs the templates but never the guide text, does not bundle the guide.
import type { GuideTemplate, TemplateCore } from '../types';
import { withTemplateText } from '../page-text';

/** Least privilege first: the first template is the default. */
export const jumpcloudTemplateCore: TemplateCore[] = [
  {
    id: 'read-only-inventory',
    name: 'Read-only inventory',
    privileges: ['Read Only'],
  },
  {
    id: 'help-desk',
    name: 'Help desk',
    privileges: ['Help Desk'],
  },
  {
    id: 'user-device-management',
    name: 'User and device management',
    privileges: ['Manager'],
  },
  {
    id: 'full-administration',
    name: 'Full administration',
    privileges: ['Administrator'],
  },
];

/** The pages' templates: the cores with their descriptions (page text the worker does not bundle). */
export const jumpcloudTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(jumpcloudTemplateCore, {
  'read-only-inventory': 'Reads users, devices and groups for reporting or asset sync. Cannot change anything.',
  'help-desk': 'Day-to-day user support such as unlocking accounts and resetting passwords or MFA, without changing settings.',
  'user-device-management': 'Creates and changes users, groups and devices (provisioning, offboarding), without access to administrator settings.',
  'full-administration': 'Everything except billing. Only for integrations that must change organisation settings.',
});
