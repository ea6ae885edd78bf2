// The privilege templates for Apple API accounts. Kept apart from guide.ts so the background,
// which needs the templates but never the guide text, does not bundle the guide.
import type { GuideTemplate, TemplateCore } from '../types';
import { withTemplateText } from '../page-text';

/**
 * Apple Business groups its API permissions by feature; reading devices and device management
 * services (MDM servers) needs this one, in Apple's own wording.
 */
export const deviceInventoryTemplate: TemplateCore = {
  id: 'device-inventory-read',
  name: 'Device inventory, read-only',
  privileges: ['View device management services, manage default platform assignment, and add devices with Apple Configurator.'],
};

/** Apple School Manager API accounts have no per-feature permissions to choose from. */
export const schoolTemplate: TemplateCore = {
  id: 'school-api',
  name: 'Apple School Manager API account',
  privileges: [],
};

export const appleTemplateCore: TemplateCore[] = [deviceInventoryTemplate, schoolTemplate];

/** The pages' templates: the cores with their descriptions (page text the worker does not bundle). */
export const appleTemplates: GuideTemplate[] = /* @__PURE__ */ withTemplateText(appleTemplateCore, {
  [deviceInventoryTemplate.id]:
    'Apple Business: lets a tool list devices and device management services (MDM servers) without assigning or changing anything.',
  [schoolTemplate.id]:
    'Apple School Manager has no per-feature permissions: every API account can use the whole API (devices and device management services). Keep one account per tool so you can revoke one without touching the others.',
});
