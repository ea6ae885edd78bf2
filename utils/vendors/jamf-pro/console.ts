// Jamf Pro in the page: which server this is, which guide step the admin is on, and the API
// client secret when Jamf shows it (once, in a pop-up after "Create Secret" or "Rotate Secret").
// DOM-only: this file is bundled into the content script.
import type { Recognition, VendorConsole } from '../types';
import { baseUrlOfPage } from './base-url';
import { jamfProDetector } from './detect';
import { dialogs, dialogTitle, isShown, labelledValues, pick, valueOf } from './dom';

/** The settings page that holds both tabs (API Roles, API Clients). */
export const API_ROLES_AND_CLIENTS = '/view/settings/system-settings/api-roles-and-clients';

const SECRET_LABEL = /^(?:api )?client secret:?$/i;
const ID_LABEL = /^(?:api )?client id:?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isUuid = (value: string) => UUID.test(value);
/** Printable ASCII without spaces; not the client ID and not a mask such as "••••" or "****". */
const isSecret = (value: string) => /^[\x21-\x7e]{16,256}$/.test(value) && !UUID.test(value) && !/^(.)\1+$/.test(value);

export const jamfProConsole: VendorConsole = {
  ...jamfProDetector,

  currentStep(url, doc) {
    const at = url.pathname.indexOf(API_ROLES_AND_CLIENTS);
    // On Settings itself the admin is on the way to the first step.
    if (at < 0) return /\/view\/settings\/?$/.test(url.pathname) ? 'roles' : null;
    if (findSecret(doc)) return 'capture';
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
    const secret = findSecret(doc);
    if (!secret) return [];
    const baseUrl = baseUrlOfPage(url, doc);
    // The pop-up may repeat the client ID; otherwise it is on the client page behind it.
    const popUp = secret.closest('dialog,[role=dialog],[role=alertdialog],[aria-modal=true]');
    const clientId = (popUp && labelledValues(popUp, ID_LABEL, isUuid)[0]) || labelledValues(doc, ID_LABEL, isUuid)[0];
    if (!baseUrl || !clientId) return [];
    const recognition: Recognition = {
      type: 'jamf-pro',
      anchor: secret,
      values: { baseUrl, clientId: valueOf(clientId), clientSecret: valueOf(secret) },
    };
    return [recognition];
  },
};

/** The client secret on show: labelled "Client Secret", or the one value in a pop-up titled so. */
function findSecret(doc: Document): Element | null {
  const body = doc.body;
  if (!body || !mentionsSecret(body)) return null;
  const labelled = labelledValues(body, SECRET_LABEL, isSecret)[0];
  if (labelled) return labelled;
  for (const dialog of dialogs(body)) {
    if (!/client secret/i.test(dialogTitle(dialog))) continue;
    const value = pick(dialog, isSecret);
    if (value && isShown(value)) return value;
  }
  return null;
}

/** Cheap gate, run on every page change: no "client secret" wording means nothing to find. */
function mentionsSecret(body: HTMLElement): boolean {
  if (/client secret/i.test(body.textContent ?? '')) return true;
  return [...body.querySelectorAll('[aria-label]')].some((el) => /client secret/i.test(el.getAttribute('aria-label') ?? ''));
}
