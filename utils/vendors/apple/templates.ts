// The privilege templates for Apple API accounts. Kept apart from guide.ts so the background,
// which needs the templates but never the guide text, does not bundle the guide.
import type { GuideTemplate, TemplateCore } from '../types';
import { t } from '../../i18n/translate';
import { withTemplateText } from '../page-text';

/**
 * Apple Business groups its API permissions by feature; reading devices and device management
 * services (MDM servers) needs this one, in Apple's own wording.
 */
export const deviceInventoryTemplate: TemplateCore = {
  id: 'device-inventory-read',
  name: t('vendor.apple.template.inventory.name'),
  privileges: ['View device management services, manage default platform assignment, and add devices with Apple Configurator.'],
};

/** Apple School Manager API accounts have no per-feature permissions to choose from. */
export const schoolTemplate: TemplateCore = {
  id: 'school-api',
  name: t('vendor.apple.template.school.name'),
  privileges: [],
};

export const appleTemplateCore: TemplateCore[] = [deviceInventoryTemplate, schoolTemplate];

/** The pages' templates: the cores with their descriptions (page text the worker does not bundle). */
export const appleTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(appleTemplateCore, {
  [deviceInventoryTemplate.id]: 'vendor.apple.template.inventory.description',
  [schoolTemplate.id]: 'vendor.apple.template.school.description',
});
