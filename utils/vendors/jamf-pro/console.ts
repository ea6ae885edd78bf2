// Jamf Pro in the page: which server this is, which guide step the admin is on, and the API
// client secret when Jamf shows it (once, in a pop-up after "Create Secret" or "Rotate Secret").
// DOM-only: this file is bundled into the content script.
import type { Recognition, VendorConsole } from '../types';
import { baseUrlOfPage } from './base-url';
import { jamfProDetector } from './detect';
import { closeness, dialogOf, dialogs, isToken, labelled, SCORE, score, UUID, values, valueOf } from '../recognition';

/** The settings page that holds both tabs (API Roles, API Clients). */
export const API_ROLES_AND_CLIENTS = '/view/settings/system-settings/api-roles-and-clients';

/** The client page, where the secret is shown once ("…/api-integrations/<id>", older "api-clients"). */
const onClientPage = (url: URL) => new RegExp(`${API_ROLES_AND_CLIENTS}/api-(?:clients|integrations)/[^/]+`).test(url.pathname);

export const jamfProConsole: VendorConsole = {
  ...jamfProDetector,

  currentStep(url, doc) {
    const at = url.pathname.indexOf(API_ROLES_AND_CLIENTS);
    // On Settings itself the admin is on the way to the first step.
    if (at < 0) return /\/view\/settings\/?$/.test(url.pathname) ? 'roles' : null;
    if (findSecret(url, doc)) return 'capture';
    const rest = url.pathname.slice(at + API_ROLES_AND_CLIENTS.length).replace(/\/+$/, '');
    if (/^\/api-roles\/[^/]+$/.test(rest)) return 'new-role';
    if (/^\/api-(?:clients|integrations)\/new$/.test(rest)) return 'new-client';
    // On a client's own page the next move is "Generate Client Secret" (or "Rotate").
    if (/^\/api-(?:clients|integrations)\/[^/]+$/.test(rest)) return 'generate-secret';
    if (rest) return null;
    const tab = url.searchParams.get('tab') ?? doc.querySelector('[role=tab][aria-selected=true]')?.textContent ?? '';
    return /client|integration/i.test(tab) ? 'clients' : 'roles';
  },

  recognise(url, doc) {
    const secret = findSecret(url, doc);
    if (!secret) return [];
    const baseUrl = baseUrlOfPage(url, doc);
    const clientId = findClientId(url, doc, secret);
    if (!baseUrl || !clientId) return [];
    const recognition: Recognition = {
      type: 'jamf-pro',
      anchor: secret,
      values: { baseUrl, clientId: valueOf(clientId), clientSecret: valueOf(secret) },
    };
    return [recognition];
  },
};

const isUuid = (value: string) => UUID.test(value);

/** The client secret on show: the best-scoring token on the page, if it scores enough. */
function findSecret(url: URL, doc: Document): Element | null {
  const route = onClientPage(url);
  // A token scores 0 for its shape: off the client page and outside a pop-up it can never reach
  // the score, so a busy inventory page costs one selector query.
  if (!doc.body || (!route && !dialogs(doc.body).length)) return null;
  let best: Element | null = null;
  let bestScore = SCORE - 1;
  for (const el of values(doc.body, isToken)) {
    const points = score(el, isToken, 0, 'secret', route);
    if (points > bestScore) [best, bestScore] = [el, points];
  }
  return best;
}

/**
 * The client ID: a UUID labelled so (the pop-up's own first, then the client page's); else the
 * only UUID in the secret's pop-up; else, on the client page, the only UUID shown at all.
 */
function findClientId(url: URL, doc: Document, secret: Element): Element | undefined {
  const uuids = values(doc.body, isUuid).sort((a, b) => closeness(b, secret) - closeness(a, secret));
  const named = uuids.find((el) => labelled(el, 'clientId'));
  if (named) return named;
  const popUp = dialogOf(secret);
  const inPopUp = popUp ? uuids.filter((el) => popUp.contains(el)) : [];
  if (inPopUp.length === 1) return inPopUp[0];
  return onClientPage(url) && uuids.length === 1 ? uuids[0] : undefined;
}
