// Iru Endpoint (formerly Kandji) in the page: which console this is, which guide step the admin is
// on, and the API token shown once in the "Copy your API token" modal. DOM-only: this file is
// bundled into the content script.
import type { Recognition, VendorConsole } from '../types';
import { deriveApiUrl, normaliseApiUrl } from './api-url';
import { detect, iruDetector } from './detect';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIALOG = '[role="dialog"],[role="alertdialog"],dialog,[aria-modal="true"]';
const CONTROL = 'button,[role="button"],a,input[type="button"],input[type="submit"]';
const COPY_TOKEN = /^copy( api)? token$/i;
const API_HOST_IN_TEXT = /[a-z0-9-]+\.api\.(?:eu\.kandji\.io|kandji\.io|eu\.iru\.com|iru\.com)(?![a-z0-9-])/i;
/** Permission names only the "Configure permissions" view lists as checkboxes. */
const PERMISSION_LABEL = /^(device list|device details|application list|list blueprints)\b/i;

export function currentStep(url: URL, doc: Document): string | null {
  if (!detect(url) || !doc.body) return null;
  if (copyTokenControls(doc).length) return 'copy-token';
  if (addTokenForm(doc)) return 'add-token';
  if (permissionsView(doc)) return 'configure-permissions';
  if (apiTokensPage(url, doc)) return 'open-access';
  return null;
}

export function recognise(url: URL, doc: Document): Recognition[] {
  if (!detect(url) || !doc.body) return [];
  const found: Recognition[] = [];
  for (const trigger of copyTokenControls(doc)) {
    const context = tokenContext(trigger);
    if (!context || found.some((r) => r.anchor === context.holder)) continue;
    const values: Record<string, string> = {
      apiUrl: pageApiUrl(doc) ?? (deriveApiUrl(url.hostname) as string),
      token: readValue(context.holder),
    };
    const name = tokenName(context.container);
    if (name) values.tokenName = name;
    found.push({ type: 'iru', anchor: context.holder, values });
  }
  return found;
}

export const iruConsole: VendorConsole = {
  ...iruDetector,
  currentStep,
  recognise,
};

// ---- DOM helpers ----

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Hidden, collapsed or closed parts of a single-page app are not "on the page". */
function shown(el: Element): boolean {
  return !el.closest('[hidden],[aria-hidden="true"],dialog:not([open])');
}

function controls(root: ParentNode, label: RegExp): Element[] {
  return [...root.querySelectorAll(CONTROL)].filter((el) => {
    const names = [el.getAttribute('aria-label'), el.getAttribute('title'), text(el), (el as HTMLInputElement).value];
    return shown(el) && names.some((name) => name && label.test(name.trim()));
  });
}

function copyTokenControls(doc: Document): Element[] {
  return controls(doc, COPY_TOKEN);
}

function isField(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
}

function readValue(el: Element): string {
  return (isField(el) ? el.value : (el.textContent ?? '')).trim();
}

function labelsOf(el: Element): Element[] {
  return isField(el) ? [...(el.labels ?? [])] : [];
}

/**
 * Elements showing a UUID: inputs by value (a masked password input still holds the token), other
 * elements by their own text. A mask such as "••••" is not a value: nothing is read until shown.
 */
function uuidHolders(root: Element): Element[] {
  return [...root.querySelectorAll('input,textarea,code,span,div,p,pre,strong,td,dd,output')].filter((el) => {
    if (!shown(el)) return false;
    if (isField(el) ? /^(hidden|checkbox|radio)$/i.test(el.type) : el.children.length > 0) return false;
    return UUID.test(readValue(el));
  });
}

function namedToken(el: Element): boolean {
  const words = [el.id, el.getAttribute('name'), el.getAttribute('aria-label'), el.getAttribute('class'), el.getAttribute('data-testid')];
  return [...words, ...labelsOf(el).map(text)].some((word) => word && /token/i.test(word));
}

/**
 * The token belongs to the modal (or panel) that offers "Copy Token": its dialog, or the nearest
 * ancestor that holds a UUID. Several UUIDs there: only one named as the token counts.
 */
function tokenContext(trigger: Element): { container: Element; holder: Element } | null {
  const dialog = trigger.closest(DIALOG);
  let container: Element | null = dialog;
  if (!container) {
    container = trigger.parentElement;
    for (let depth = 0; container && container !== trigger.ownerDocument.body && depth < 6; depth++) {
      if (uuidHolders(container).length) break;
      container = container.parentElement;
    }
  }
  if (!container) return null;
  let holders = uuidHolders(container);
  if (holders.length > 1) holders = holders.filter(namedToken);
  return holders.length === 1 ? { container, holder: holders[0] } : null;
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

function field(root: Element, name: RegExp): boolean {
  return [...root.querySelectorAll('input,textarea')].some((el) =>
    [el.getAttribute('aria-label'), el.getAttribute('placeholder'), el.getAttribute('name'), ...labelsOf(el).map(text)].some(
      (value) => value && name.test(value.replace(/\s*\*$/, '')),
    ),
  );
}

function addTokenForm(doc: Document): boolean {
  return controls(doc, /^create$/i).some((button) => {
    const root = button.closest(`${DIALOG},form`);
    return !!root && field(root, /^name$/i) && field(root, /^description$/i);
  });
}

function permissionsView(doc: Document): boolean {
  const boxes = [...doc.querySelectorAll('input[type="checkbox"]')].filter(shown);
  if (boxes.some((box) => [...labelsOf(box), box.closest('label')].some((label) => label && PERMISSION_LABEL.test(text(label))))) {
    return true;
  }
  return [...doc.querySelectorAll(DIALOG)].some(
    (dialog) => shown(dialog) && controls(dialog, /^configure$/i).length > 0 && controls(dialog, /^skip$/i).length > 0,
  );
}

function apiTokensPage(url: URL, doc: Document): boolean {
  if (controls(doc, /^add (api )?token$/i).length) return true;
  return /api-tokens?/i.test(url.pathname) || pageApiUrl(doc) !== null;
}
