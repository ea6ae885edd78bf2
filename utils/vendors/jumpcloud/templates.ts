// JumpCloud's privilege templates (its admin roles). Kept apart from guide.ts so the background,
// which needs the templates but never the guide text, does not bundle the guide.
import type { GuideTemplate, TemplateCore } from '../types';
import { t } from '../../i18n/translate';
import { withTemplateText } from '../page-text';

/** Least privilege first: the first template is the default. */
export const jumpcloudTemplateCore: TemplateCore[] = [
  {
    id: 'read-only-inventory',
    name: t('vendor.jumpcloud.template.readOnly.name'),
    privileges: ['Read Only'],
  },
  {
    id: 'help-desk',
    name: t('vendor.jumpcloud.template.helpDesk.name'),
    privileges: ['Help Desk'],
  },
  {
    id: 'user-device-management',
    name: t('vendor.jumpcloud.template.manager.name'),
    privileges: ['Manager'],
  },
  {
    id: 'full-administration',
    name: t('vendor.jumpcloud.template.admin.name'),
    privileges: ['Administrator'],
  },
];

/** The pages' templates: the cores with their descriptions (page text the worker does not bundle). */
export const jumpcloudTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(jumpcloudTemplateCore, {
  'read-only-inventory': 'vendor.jumpcloud.template.readOnly.description',
  'help-desk': 'vendor.jumpcloud.template.helpDesk.description',
  'user-device-management': 'vendor.jumpcloud.template.manager.description',
  'full-administration': 'vendor.jumpcloud.template.admin.description',
});
