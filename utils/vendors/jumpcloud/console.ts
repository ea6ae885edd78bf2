// JumpCloud's admin console: a hash-routed single-page app on one host per region. The content
// script re-runs currentStep/recognise on route changes and DOM mutations, so both read only the
// URL and the DOM as they are now.
import type { Recognition, VendorConsole } from '../types';
import { ancestorWhere, expiryIn, labelElements, norm } from './dom';
import { closeness, dialogOf, dialogs, dialogTitle, isToken, labelled, mentions, SCORE, score, UUID, values, valueOf } from '../recognition';
import { jumpcloudDetector, regionOf } from './detect';

const API_KEY = /^jca_[A-Za-z0-9]{36}$/;
const LEGACY_API_KEY = /^[A-Za-z0-9]{40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

const isKey = (value: string) => API_KEY.test(value) || LEGACY_API_KEY.test(value);
/** A service account's Client ID: a token, a UUID or an sa_ id. */
const isClientId = (value: string) => isToken(value) || UUID.test(value);

/** "#/settings/service-accounts/new?x=1" → "/settings/service-accounts/new". */
const routeOf = (url: URL): string => (url.hash.replace(/^#!?/, '') || url.pathname).split('?')[0].replace(/\/+$/, '') || '/';

function recognise(url: URL, doc: Document): Recognition[] {
  const region = regionOf(url);
  if (!region || !doc.body) return [];
  const now = Date.now();
  const found: Recognition[] = [];
  const route = routeOf(url).startsWith('/settings/service-accounts');

  // Admin API key: a jca_ key that scores (label, its dialog, a copy button); a legacy
  // 40-character key only beside its label (alone it looks like any hash).
  const email = adminEmail(doc);
  for (const anchor of values(doc.body, isKey)) {
    const apiKey = valueOf(anchor);
    if (API_KEY.test(apiKey) ? score(anchor, isKey, 2, 'apiKey', false) < SCORE : !labelled(anchor, 'apiKey')) continue;
    const values: Record<string, string> = { apiKey, region };
    if (email) values.adminEmail = email;
    found.push(withExpiry({ type: 'jumpcloud-api-key', anchor, values }, now));
  }

  // Service account: the once-shown Client ID + Client Secret pair. The secret scores by itself
  // (label, dialog, copy button, route); a Client ID labelled beside it counts as two signals.
  for (const anchor of values(doc.body, isToken)) {
    if (isKey(valueOf(anchor)) || labelled(anchor, 'clientId')) continue;
    const scope = dialogOf(anchor) ?? ancestorWhere(anchor, 5, (el) => values(el, isClientId).length > 1);
    const ids = scope ? values(scope, isClientId).filter((el) => el !== anchor && valueOf(el) !== valueOf(anchor)) : [];
    const named = ids.filter((el) => labelled(el, 'clientId')).sort((a, b) => closeness(b, anchor) - closeness(a, anchor))[0];
    const idEl = named ?? (dialogOf(anchor) && ids.length === 1 ? ids[0] : undefined);
    if (!idEl || score(anchor, isToken, 0, 'secret', route) + (named ? 2 : 0) < SCORE) continue;
    const values_ = { clientId: valueOf(idEl), clientSecret: valueOf(anchor), region };
    found.push(withExpiry({ type: 'jumpcloud-service-account', anchor, values: values_ }, now));
  }
  return found;
}

/** The expiry or lifetime shown with the value: in its dialog, or in the panel around it. */
function withExpiry(recognition: Recognition, now: number): Recognition {
  const { anchor } = recognition;
  const scope = dialogOf(anchor) ?? ancestorWhere(anchor, 4, (el) => /expir|lifetime/i.test(el.textContent ?? ''));
  const expiresAt = scope ? expiryIn(scope, now) : undefined;
  return expiresAt ? { ...recognition, expiresAt } : recognition;
}

/** The signed-in admin's email from the header or account menu, when exactly one is shown. */
function adminEmail(doc: Document): string | undefined {
  const emails = new Set<string>();
  for (const scope of doc.querySelectorAll('header,[role=banner],[role=menu]')) {
    for (const el of scope.querySelectorAll('*')) {
      const text = el.childElementCount ? '' : norm(el.textContent);
      for (const candidate of [text, el.getAttribute('title') ?? '']) if (EMAIL.test(candidate)) emails.add(candidate.toLowerCase());
    }
  }
  return emails.size === 1 ? [...emails][0] : undefined;
}

function apiKeyDialogOpen(doc: Document): boolean {
  return dialogs(doc).some((dialog) => mentions(dialogTitle(dialog), 'apiKey') || labelElements(dialog, /^(my api key|generate new api key)$/i).length > 0);
}

function accountMenuOpen(doc: Document): boolean {
  return [...doc.querySelectorAll('[role=menu]')].some(
    (menu) => !menu.closest('[hidden],[aria-hidden=true]') && [...menu.querySelectorAll('*')].some((el) => /^my api key$/i.test(norm(el.textContent))),
  );
}

function clientSecretChosen(doc: Document): boolean {
  return [...doc.querySelectorAll('input[type=radio]')].some((radio) => {
    if (!(radio as HTMLInputElement).checked) return false;
    const label = radio.closest('label') ?? [...doc.querySelectorAll('label')].find((el) => radio.id && (el as HTMLLabelElement).htmlFor === radio.id);
    return /client secret/i.test(`${(radio as HTMLInputElement).value} ${label?.textContent ?? ''}`);
  });
}

export const jumpcloudConsole: VendorConsole = {
  ...jumpcloudDetector,

  currentStep(url, doc) {
    if (!regionOf(url)) return null;
    const shown = recognise(url, doc);
    if (shown.some((found) => found.type === 'jumpcloud-service-account')) return 'sa-capture';
    if (shown.some((found) => found.type === 'jumpcloud-api-key')) return 'key-capture';
    if (apiKeyDialogOpen(doc)) return 'key-generate';
    if (accountMenuOpen(doc)) return 'key-open';
    const route = routeOf(url);
    // The new-account form, by route or (should it open as a drawer) by its "Key Type" field.
    if (route === '/settings/service-accounts/new' || (doc.body && labelElements(doc.body, /^(key type|new service account)$/i).length)) {
      return clientSecretChosen(doc) ? 'sa-secret' : 'sa-details';
    }
    if (route.startsWith('/settings/service-accounts')) return 'sa-open';
    return null;
  },

  recognise,
};
