// JumpCloud's admin console: a hash-routed single-page app on one host per region. The content
// script re-runs currentStep/recognise on route changes and DOM mutations, so both read only the
// URL and the DOM as they are now.
import type { Recognition, VendorConsole } from '../types';
import { closeness, dialogOf, dialogs, dialogTitle, isToken, labelled, labelsOf, mentions, named, norm, SCORE, score, squash, UUID, values, valueOf } from '../recognition';
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
    // Unlabelled, the pair reads in the console's order: the ID (sa_…) first, then the secret.
    const idEl = named ?? (dialogOf(anchor) && ids.length === 1 && ids[0].compareDocumentPosition(anchor) & 4 && !/^sa_/.test(valueOf(anchor)) ? ids[0] : undefined);
    if (!idEl || score(anchor, isToken, 0, 'secret', route, named ? 2 : 0) < SCORE) continue;
    const values_ = { clientId: valueOf(idEl), clientSecret: valueOf(anchor), region };
    found.push(withExpiry({ type: 'jumpcloud-service-account', anchor, values: values_ }, now));
  }
  return found;
}

/** The nearest ancestor (up to `levels`) that satisfies `test`. */
function ancestorWhere(el: Element, levels: number, test: (scope: Element) => boolean): Element | null {
  let scope: Element | null = el;
  for (let depth = 0; depth < levels && (scope = scope.parentElement); depth++) if (test(scope)) return scope;
  return null;
}

const EXPIRY = 'expiration date|expiration|expiry(?: date)?|expires(?: on| at)?|valid until|secret lifetime|lifetime';
const EXPIRY_PHRASE = new RegExp(`^(?:${EXPIRY})\\s*:?\\s+(.+)$`, 'i');
const EXPIRY_LABEL = new RegExp(`^(?:${EXPIRY.replace(/ /g, '')})$`);
const DURATION = /^(\d{1,4})\s*(hour|day|week|month|year)s?$/i;
const UNIT_MS: Record<string, number> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 2_592_000_000, year: 31_536_000_000 };

/** An expiry the page states, as an ISO date: an absolute date, or a duration counted from now. */
export function parseExpiry(text: string, now: number): { iso: string; absolute: boolean } | null {
  const value = norm(text);
  const duration = DURATION.exec(value);
  if (duration) return { iso: new Date(now + Number(duration[1]) * UNIT_MS[duration[2].toLowerCase()]).toISOString(), absolute: false };
  const time = /\d{4}/.test(value) ? Date.parse(value.replace(/ at /i, ' ')) : NaN;
  return Number.isNaN(time) ? null : { iso: new Date(time).toISOString(), absolute: true };
}

/** The expiry shown in `scope`: a labelled value or a phrase ("Expires on …"); a date wins over a lifetime. */
function expiryIn(scope: Element, now: number): string | undefined {
  const found: { iso: string; absolute: boolean }[] = [];
  for (const el of scope.querySelectorAll('*')) {
    if (el.tagName === 'SELECT' || el.closest('select')) continue;
    const text = norm(el.textContent);
    if (text.length > 100) continue;
    const phrase = EXPIRY_PHRASE.exec(text);
    const parsed = phrase ? parseExpiry(phrase[1], now) : !el.childElementCount && labelsOf(el).some((label) => EXPIRY_LABEL.test(label)) ? parseExpiry(text, now) : null;
    if (parsed) found.push(parsed);
  }
  return (found.find((entry) => entry.absolute) ?? found[0])?.iso;
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
  return dialogs(doc).some((dialog) => mentions(dialogTitle(dialog), 'apiKey') || named(dialog, /^(my api key|generate new api key)$/i, '*').length > 0);
}

function accountMenuOpen(doc: Document): boolean {
  return [...doc.querySelectorAll('[role=menu]')].some((menu) => named(menu, /^my api key$/i, '*').length > 0);
}

function clientSecretChosen(doc: Document): boolean {
  return [...doc.querySelectorAll('input[type=radio]:checked')].some((radio) => [squash((radio as HTMLInputElement).value), ...labelsOf(radio)].some((label) => label.includes('clientsecret')));
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
    if (route === '/settings/service-accounts/new' || (doc.body && named(doc.body, /^(key type|new service account)$/i, '*').length)) {
      return clientSecretChosen(doc) ? 'sa-secret' : 'sa-details';
    }
    if (route.startsWith('/settings/service-accounts')) return 'sa-open';
    return null;
  },

  recognise,
};
