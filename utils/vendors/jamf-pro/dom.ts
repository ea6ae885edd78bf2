// Reading "label → value" pairs the ways consoles lay them out: inputs named by aria-label,
// aria-labelledby or <label>, <dt>/<dd>, table cells, or a label element followed by its value.
// A value is found only through its label (or its dialog's title), never by its shape alone.

export type ValueTest = (value: string) => boolean;

const DIALOGS = 'dialog,[role=dialog],[role=alertdialog],[aria-modal=true],.modal,.mat-dialog-container,.mat-mdc-dialog-container';
const FIELDS = 'input,textarea';

export const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Text of an element as the admin sees it: an input's value, else its text. */
export function valueOf(el: Element): string {
  return isField(el) ? (el as HTMLInputElement).value.trim() : norm(el.textContent);
}

// Tag names, not instanceof: the element may come from another window (frames, test documents).
const isField = (el: Element) => el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';

/** Rendered and not hidden (hidden attribute, aria-hidden, closed <dialog>, display/visibility). */
export function isShown(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    if (node.tagName === 'INPUT' && node.getAttribute('type') === 'hidden') return false;
    if (node.tagName === 'DIALOG' && !node.hasAttribute('open')) return false;
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/** Open dialogs and pop-ups on the page. */
export function dialogs(root: ParentNode): Element[] {
  return [...root.querySelectorAll(DIALOGS)].filter(isShown);
}

/** A dialog's title: aria-labelledby, aria-label, or its first heading. */
export function dialogTitle(dialog: Element): string {
  const ids = dialog.getAttribute('aria-labelledby');
  if (ids) return textOfIds(dialog.ownerDocument, ids);
  return norm(dialog.getAttribute('aria-label')) || norm(dialog.querySelector('h1,h2,h3,h4,[class*=title]')?.textContent);
}

/** Elements whose value the page labels with `label` and that pass `test`, in document order. */
export function labelledValues(root: Element | Document, label: RegExp, test: ValueTest): Element[] {
  const found = new Set<Element>();
  for (const field of root.querySelectorAll(FIELDS)) {
    if (label.test(fieldName(field)) && test(valueOf(field))) found.add(field);
  }
  // Walk text nodes, not elements: one pass over the page, however deep it is.
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length > 40 || !label.test(norm(text)) || !node.parentElement) continue;
    const container = valueAfter(node.parentElement);
    const value = container && pick(container, test);
    if (value) found.add(value);
  }
  return [...found].filter(isShown);
}

/** Inside `container`, the deepest element whose value passes `test` (an input wins). */
export function pick(container: Element, test: ValueTest): Element | null {
  const fields = isField(container) ? [container] : [...container.querySelectorAll(FIELDS)];
  const field = fields.find((candidate) => test(valueOf(candidate)) && isShown(candidate));
  if (field) return field;
  let match: Element | null = null;
  for (const el of [container, ...container.querySelectorAll('*')]) {
    if (test(valueOf(el))) {
      match = el;
      break;
    }
  }
  while (match) {
    const text = valueOf(match);
    const child = [...match.children].find((candidate) => valueOf(candidate) === text);
    if (!child) break;
    match = child;
  }
  return match;
}

function fieldName(field: Element): string {
  const doc = field.ownerDocument;
  const ids = field.getAttribute('aria-labelledby');
  if (ids) return textOfIds(doc, ids);
  const aria = field.getAttribute('aria-label');
  if (aria) return norm(aria);
  const id = field.getAttribute('id');
  const label = (id && [...doc.querySelectorAll('label[for]')].find((el) => el.getAttribute('for') === id)) || field.closest('label');
  return label ? norm(label.textContent) : '';
}

function textOfIds(doc: Document, ids: string): string {
  return norm(ids.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' '));
}

/** Where the value for a label element sits; a label wrapped alone climbs to its wrapper. */
function valueAfter(start: Element): Element | null {
  const text = norm(start.textContent);
  let node: Element | null = start;
  for (let depth = 0; node && depth < 3; depth++) {
    const target = node.tagName === 'LABEL' && node.getAttribute('for');
    if (target) return node.ownerDocument.getElementById(target);
    if (node.tagName === 'DT') return nextMatching(node, 'DD');
    if (node.tagName === 'TH' || node.tagName === 'TD') return node.nextElementSibling;
    if (node.nextElementSibling) return node.nextElementSibling;
    node = node.parentElement;
    if (node && norm(node.textContent) !== text) return null;
  }
  return null;
}

function nextMatching(el: Element, tag: string): Element | null {
  for (let node = el.nextElementSibling; node; node = node.nextElementSibling) {
    if (node.tagName === tag) return node;
    if (node.tagName === el.tagName) return null;
  }
  return null;
}
