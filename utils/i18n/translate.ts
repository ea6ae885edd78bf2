// Not a top-level utils/ file on purpose: WXT auto-imports those, and its scanner would see every
// arrow parameter named `t` as a use, importing this (and #i18n, made later) while loading the config.
// The one door to Keyhold's strings. Messages live in locales/<lang>.yml; WXT's i18n module turns them
// into the browsers' _locales/<lang>/messages.json, and the browser picks the admin's UI language
// (falling back to English key by key). Works the same in pages, the background and the in-page script.
import { i18n } from '#i18n';

export const t = i18n.t;

/** The UI language the browser chose, e.g. `ja` or `en-US` (for dates and numbers beside the text). */
export function uiLanguage(): string {
  const locale = i18n.t('@@ui_locale');
  return locale ? locale.replaceAll('_', '-') : 'en';
}
