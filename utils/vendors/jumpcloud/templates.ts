// JumpCloud's privilege templates (its admin roles). Kept apart from guide.ts so the background,
// which needs the templates but never the guide text, does not bundle the guide.
import type { GuideTemplate } from '../types';

/** Least privilege first: the first template is the default. */
export const jumpcloudTemplates: GuideTemplate[] = [
  {
    id: 'read-only-inventory',
    name: 'Read-only inventory',
    description: 'Reads users, devices and groups for reporting or asset sync. Cannot change anything.',
    privileges: ['Read Only'],
  },
  {
    id: 'help-desk',
    name: 'Help desk',
    description: 'Day-to-day user support such as unlocking accounts and resetting passwords or MFA, without changing settings.',
    privileges: ['Help Desk'],
  },
  {
    id: 'user-device-management',
    name: 'User and device management',
    description: 'Creates and changes users, groups and devices (provisioning, offboarding), without access to administrator settings.',
    privileges: ['Manager'],
  },
  {
    id: 'full-administration',
    name: 'Full administration',
    description: 'Everything except billing. Only for integrations that must change organisation settings.',
    privileges: ['Administrator'],
  },
];
