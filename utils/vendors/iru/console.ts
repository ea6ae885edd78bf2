// Iru Endpoint (formerly Kandji) in the page: which console this is, which guide step the admin is
// on, and the API token shown once in the "Copy your API token" modal. DOM-only: this file is
// bundled into the content script.
import type { Recognition, VendorConsole } from '../types';
import { deriveApiUrl, normaliseApiUrl } from './api-url';
import { detect, iruDetector } from './detect';
import { dialogs, labelled, labelsOf, named, norm, SCORE, score, UUID, values, valueOf } from '../recognition';

const DIALOG = '[role="dialog"],[role="alertdialog"],dialog,[aria-modal="true"]';
const COPY_TOKEN = /^copy( api)? token$/i;
const API_HOST_IN_TEXT = /[a-z0-9-]+\.api\.(?:eu\.kandji\.io|kandji\.io|eu\.iru\.com|iru\.com)(?![a-z0-9-])/i;
/** Permission names only the "Configure permissions" view lists as checkboxes. */
const PERMISSION_LABEL = /^(devicelist|devicedetails|applicationlist|listblueprints)/;

export function currentStep(url: URL, doc: Document): string | null {
  if (!detect(url) || !doc.body) return null;
  if (copyTokenControls(doc).length || recognise(url, doc).length) return 'copy-token';
  if (addTokenForm(doc)) return 'add-token';
  if (permissionsView(doc)) return 'configure-permissions';
  if (apiTokensPage(url, doc)) return 'open-access';
  return null;
}

/** The access page and its token list ("/my-company/access", "/access/api-tokens"), not one token's page. */
const onAccessPage = (url: URL) => /\/(?:access|api-tokens?)\/?$/i.test(url.pathname);
const isUuid = (value: string) => UUID.test(value);

export function recognise(url: URL, doc: Document): Recognition[] {
  if (!detect(url) || !doc.body) return [];
  // Every UUID that scores as the token (its dialog, a copy button whatever it says, a reveal
  // toggle, a label or button naming the token, the access page), never its shape alone.
  const route = onAccessPage(url);
  const scored = values(doc.body, isUuid).filter((el) => score(el, isUuid, 1, 'token', route) >= SCORE);
  const found: Recognition[] = [];
  for (const holder of scored) {
    const container = holder.closest(DIALOG) ?? holder.parentElement!;
    // Several in one dialog or panel: only one named as the token counts; never a guess.
    const rivals = scored.filter((el) => container.contains(el));
    if (rivals.length > 1 && (!namedToken(holder) || rivals.filter(namedToken).length > 1)) continue;
    const values: Record<string, string> = {
      apiUrl: pageApiUrl(doc) ?? (deriveApiUrl(url.hostname) as string),
      token: valueOf(holder),
    };
    const name = tokenName(container);
    if (name) values.tokenName = name;
    found.push({ type: 'iru', anchor: holder, values });
  }
  return found;
}

export const iruConsole: VendorConsole = {
  ...iruDetector,
  currentStep,
  recognise,
};

// ---- DOM helpers ----

const text = (el: Element | null | undefined) => norm(el?.textContent);
const controls = (root: ParentNode, label: RegExp) => named(root, label);

function copyTokenControls(doc: Document): Element[] {
  return controls(doc, COPY_TOKEN);
}

function namedToken(el: Element): boolean {
  const words = [el.getAttribute('class'), el.getAttribute('data-testid')];
  return labelled(el, 'token') || words.some((word) => word && /token/i.test(word));
}


/** "Your organization's API URL is: acme.api.kandji.io", wherever the page puts the host. */
function pageApiUrl(doc: Document): string | null {
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let el = node.parentElement;
    if (!/API URL/i.test(node.nodeValue ?? '') || !el || /^(SCRIPT|STYLE|TEMPLATE)$/.test(el.tagName)) continue;
    for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
      const near = `${text(el)} ${text(el.nextElementSibling)}`;
      const host = API_HOST_IN_TEXT.exec(near);
      const apiUrl = host && normaliseApiUrl(host[0]);
      if (apiUrl) return apiUrl;
    }
  }
  return null;
}

/** The token's name when the modal shows it as a label/value pair (non-secret, for the label). */
function tokenName(container: Element): string | undefined {
  for (const label of container.querySelectorAll('dt,th')) {
    if (!/^(token )?name$/i.test(text(label))) continue;
    const value = text(label.nextElementSibling);
    if (value && value.length <= 200 && !UUID.test(value)) return value;
  }
  return undefined;
}

/** A field named `name` (squashed: "name", "description") by its label, aria-label or placeholder. */
const field = (root: Element, name: string) => [...root.querySelectorAll('input,textarea')].some((el) => labelsOf(el).includes(name));

function addTokenForm(doc: Document): boolean {
  return controls(doc, /^create$/i).some((button) => {
    const root = button.closest(`${DIALOG},form`);
    return !!root && field(root, 'name') && field(root, 'description');
  });
}

function permissionsView(doc: Document): boolean {
  const boxes = [...doc.querySelectorAll('input[type="checkbox"]')].filter((box) => !box.closest('[hidden],[aria-hidden="true"],dialog:not([open])'));
  if (boxes.some((box) => labelsOf(box).some((label) => PERMISSION_LABEL.test(label)))) return true;
  return dialogs(doc).some((dialog) => controls(dialog, /^configure$/i).length > 0 && controls(dialog, /^skip$/i).length > 0);
}

function apiTokensPage(url: URL, doc: Document): boolean {
  if (controls(doc, /^add (api )?token$/i).length) return true;
  return /api-tokens?/i.test(url.pathname) || pageApiUrl(doc) !== null;
}
