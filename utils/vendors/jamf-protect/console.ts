// Jamf Protect in the page: the API client's password, shown once after Create API Client,
// with its client ID (API Client Configuration pane) and the tenant's endpoints. Language-free
// first: the endpoint URLs and the value shapes place the values; labels are one signal among
// them. DOM-only (content script): shares the label/value readers of the Jamf Pro console.
import type { Recognition, VendorConsole } from '../types';
import { isShown, labelledValues, valueOf } from '../jamf-pro/dom';
import { jamfProtectDetector } from './detect';

const ENDPOINT = /^https:\/\/[a-z0-9-]+\.protect\.jamfcloud\.com\/(?:token|graphql)\b/i;
const VALUE = /^[\x21-\x7e]{8,512}$/;
const isValue = (value: string) => VALUE.test(value) && !/^https?:/i.test(value) && !/^(.)\1+$/.test(value);
const isId = (value: string) => /^[\x21-\x7e]{1,200}$/.test(value) && !/^https?:/i.test(value);

/** Copyable values the page shows: read-only fields and code/output elements with no children. */
function shownValues(root: Element): Element[] {
  return [...root.querySelectorAll('input,textarea,code,output,pre,[data-copy],[data-value]')].filter(
    (el) => isShown(el) && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.children.length === 0) && valueOf(el) !== '',
  );
}

/** The element that holds the endpoint URLs and the client's values (the creation view). */
function creationView(doc: Document): Element | null {
  const endpoint = shownValues(doc.body).find((el) => ENDPOINT.test(valueOf(el)));
  if (!endpoint) return null;
  // Climb until the container also holds values that are not URLs (the client ID and password).
  let node: Element | null = endpoint.parentElement;
  for (let depth = 0; node && depth < 8; depth++, node = node.parentElement) {
    if (shownValues(node).filter((el) => isValue(valueOf(el))).length >= 2) return node;
  }
  return null;
}

export function recognise(url: URL, doc: Document): Recognition[] {
  if (!jamfProtectDetector.detect(url) || !doc.body) return [];
  const view = creationView(doc);
  const scope = view ?? doc.body;
  const labelled = {
    password: labelledValues(scope, /^(?:api client )?password:?$/i, isValue)[0],
    clientId: labelledValues(scope, /^client id:?$/i, isId)[0],
  };
  let { password, clientId } = labelled;
  // Unlabelled (or labelled in another language): in the creation view, the two non-URL values
  // are the client ID then the password, in the order Protect lays them out.
  if (view && (!password || !clientId)) {
    const values = shownValues(view).filter((el) => isValue(valueOf(el)));
    if (values.length === 2) [clientId, password] = [clientId ?? values[0], password ?? values[1]];
  }
  if (!password || !clientId || password === clientId) return [];
  return [
    {
      type: 'jamf-protect',
      anchor: password,
      values: { protectUrl: url.origin.toLowerCase(), clientId: valueOf(clientId), password: valueOf(password) },
    },
  ];
}

export const jamfProtectConsole: VendorConsole = {
  ...jamfProtectDetector,
  currentStep(url, doc) {
    if (recognise(url, doc).length) return 'capture';
    if (/api-?clients?/i.test(url.pathname)) return /\/(?:new|create)\b/i.test(url.pathname) ? 'create-client' : 'api-clients';
    return /administrative/i.test(url.pathname) ? 'open-api-clients' : null;
  },
  recognise,
};
