// Apple Business (business.apple.com) and Apple School Manager (school.apple.com): the DOM-only
// half, bundled into the content script. The private key is a downloaded file, so the page only
// ever shows the Client ID and the Key ID (in the API account's Manage view). A recognition needs
// both, each found beside its own label; the button is anchored on the Client ID value.
import type { Recognition, VendorConsole } from '../types';
import { appleDetector, serviceOf } from './detect';
import { CLIENT_ID_PATTERN, KEY_ID_PATTERN } from './ids';

/** "Client ID:" → "clientid": labels compared without case, spaces or punctuation. */
const squash = (text: string | null | undefined) => (text ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

function isShown(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"], template, dialog:not([open])')) return false;
  // checkVisibility also sees stylesheet rules (a closed modal kept in the DOM by a class).
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (check) return check.call(element, { visibilityProperty: true });
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = (node as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/** Shown elements labelled `name`: by their own text, or by aria-label / placeholder on a field. */
function labelsNamed(doc: Document, name: string): Element[] {
  const found = new Set<Element>();
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && squash(node.nodeValue) === name && isShown(parent)) found.add(parent);
  }
  for (const element of root.querySelectorAll('[aria-label], [placeholder]')) {
    if ((squash(element.getAttribute('aria-label')) === name || squash(element.getAttribute('placeholder')) === name) && isShown(element)) {
      found.add(element);
    }
  }
  return [...found];
}

function readValue(element: Element): string {
  const field = element as HTMLInputElement;
  return (element.matches('input, textarea') ? field.value : element.textContent ?? '').trim();
}

/** The deepest shown element at or under `root` whose whole value matches `pattern`. */
function findValue(root: Element, pattern: RegExp): Element | null {
  const candidates = [root, ...root.querySelectorAll('*')];
  let match = candidates.find((element) => pattern.test(readValue(element)) && isShown(element)) ?? null;
  while (match) {
    const child = [...match.children].find((element) => pattern.test(readValue(element)) && isShown(element));
    if (!child) break;
    match = child;
  }
  return match;
}

/** Value elements that belong to a label: explicit associations, table columns, then neighbours. */
function valuesFor(label: Element, pattern: RegExp): Element[] {
  const doc = label.ownerDocument;
  const own = findValue(label, pattern);
  if (own) return [own];
  const forId = label.getAttribute('for');
  if (forId) {
    const target = doc.getElementById(forId);
    const value = target && findValue(target, pattern);
    return value ? [value] : [];
  }
  if (label.id) {
    for (const element of doc.querySelectorAll('[aria-labelledby]')) {
      if (!element.getAttribute('aria-labelledby')!.split(/\s+/).includes(label.id)) continue;
      const value = findValue(element, pattern);
      if (value) return [value];
    }
  }
  const header = label.closest('th');
  const table = header?.closest('table');
  if (header && table) {
    // A column header labels that cell in every body row; a row header falls through to its neighbour.
    const column = [...header.parentElement!.children].indexOf(header);
    const cells = [...table.querySelectorAll('tbody tr')]
      .map((row) => row.children[column])
      .map((cell) => (cell && cell !== header ? findValue(cell, pattern) : null))
      .filter((value): value is Element => value !== null);
    if (cells.length) return cells;
  }
  // Label and value as neighbours: <dt>/<dd>, label/value divs, a label beside a readonly input.
  // The first content sibling is the value's slot: if it does not hold one, nothing further away does.
  let node: Element = label;
  for (let depth = 0; depth < 3; depth++) {
    let sibling = node.nextElementSibling;
    while (sibling && isDecoration(sibling)) sibling = sibling.nextElementSibling;
    if (sibling) {
      const value = findValue(sibling, pattern);
      return value ? [value] : [];
    }
    // Climb only out of wrappers that hold nothing but the label (<div class="label"><span>…</span></div>).
    const parent = node.parentElement;
    if (!parent || parent === doc.body || parent.children.length !== 1) return [];
    node = parent;
  }
  return [];
}

/** Info icons, help buttons and empty spacers between a label and its value. */
function isDecoration(element: Element): boolean {
  if (element.matches('input, textarea')) return false;
  return element.matches('button, svg, img, [role="img"], [role="button"], [role="tooltip"]') || !readValue(element);
}

function labelledValues(doc: Document, name: string, pattern: RegExp): Element[] {
  const values = new Set<Element>();
  for (const label of labelsNamed(doc, name)) for (const value of valuesFor(label, pattern)) values.add(value);
  return [...values];
}

function depth(node: Node | null): number {
  let count = 0;
  for (; node; node = node.parentNode) count++;
  return count;
}

function commonAncestorDepth(a: Element, b: Element): number {
  let node: Node | null = a;
  while (node && !node.contains(b)) node = node.parentNode;
  return depth(node);
}

function recognise(url: URL, doc: Document): Recognition[] {
  if (!serviceOf(url) || !doc.body) return [];
  const clientValues = labelledValues(doc, 'clientid', CLIENT_ID_PATTERN);
  if (!clientValues.length) return [];
  const keyValues = labelledValues(doc, 'keyid', KEY_ID_PATTERN);
  const recognitions: Recognition[] = [];
  for (const anchor of clientValues) {
    // The Key ID that shares the closest container with this Client ID (same modal, row or panel).
    let best: Element | null = null;
    let bestDepth = -1;
    for (const key of keyValues) {
      const shared = commonAncestorDepth(anchor, key);
      if (shared > bestDepth) [best, bestDepth] = [key, shared];
    }
    if (!best) continue;
    recognitions.push({ type: 'apple-business', anchor, values: { clientId: readValue(anchor), keyId: readValue(best) } });
  }
  return recognitions;
}

function hasButton(doc: Document, names: string[]): boolean {
  const buttons = doc.querySelectorAll('button, [role="button"], a, input[type="button"], input[type="submit"]');
  return [...buttons].some(
    (button) => names.includes(squash(button.textContent || (button as HTMLInputElement).value || button.getAttribute('aria-label'))) && isShown(button),
  );
}

function currentStep(url: URL, doc: Document): string | null {
  if (!serviceOf(url) || !doc.body) return null;
  if (recognise(url, doc).length) return 'capture-ids';
  if (hasButton(doc, ['generateprivatekey', 'generatedownload', 'generateanddownload'])) return 'generate-key';
  if (labelsNamed(doc, 'apiaccountlabel').length || labelsNamed(doc, 'createapiaccount').some((element) => /^H\d$/.test(element.tagName) || element.closest('[role="dialog"], dialog'))) {
    return 'create-account';
  }
  const route = url.hash.replace(/^#\/?/, '').toLowerCase();
  if (route.includes('apiaccounts')) return 'create-account';
  if (/(^|\/)(signin|sign-in|login)\b/.test(route) || /signin|login/i.test(url.pathname)) return null;
  return 'open-api';
}

export const appleConsole: VendorConsole = {
  ...appleDetector,
  currentStep,
  recognise,
};
