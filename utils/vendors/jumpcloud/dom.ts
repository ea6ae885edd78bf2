// Small DOM helpers for reading labelled values off a console page. They find a value by the
// label the console puts beside it (a text label, <label for>, <dt>/<dd>, a table row, or an
// input's aria-label), never by its format alone. No imports: bundled into the content script.

const SHOW_TEXT = 4;
const DIALOGS = '[role=dialog],[role=alertdialog],dialog,[aria-modal=true]';
const LEAVES = 'input,textarea,select,code,pre,kbd,samp,span,div,p,td,dd,strong,b,output,li';

export const norm = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim().replace(/\s*[:*]$/, '');

/** Masked secrets ("jca_••••", "********") are never values. */
export const isMasked = (text: string): boolean => /[*•●]{3}/.test(text);

/** The text an element shows: an input's value, a select's chosen option, or its text. */
export function valueOf(el: Element): string {
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return ((el as HTMLInputElement).value ?? '').trim();
  if (tag === 'SELECT') {
    const select = el as HTMLSelectElement;
    return norm(select.options[select.selectedIndex]?.textContent);
  }
  return (el.textContent ?? '').trim();
}

function hiddenOrControl(el: Element): boolean {
  return (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') || !!el.closest('[hidden],[aria-hidden=true],template,button,script,style');
}

/** Elements whose whole own text matches `label` ("API Key", "Client Secret:"). */
export function labelElements(root: Element | Document, label: RegExp): Element[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const found: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && label.test(norm(node.nodeValue)) && label.test(norm(parent.textContent)) && !hiddenOrControl(parent)) found.push(parent);
  }
  return found;
}

/**
 * The value element beside a label: the control it names, the next cell of its table row, or the
 * first visible leaf after it within a few wrapper levels. Stops at the first leaf that is not a
 * match, so a value is never borrowed from a neighbouring field.
 */
export function valueBeside(label: Element, accept: (value: string) => boolean): Element | null {
  const forId = label.getAttribute('for');
  const direct = forId ? label.ownerDocument.getElementById(forId) : label.querySelector('input,textarea,select');
  if (direct) return accept(valueOf(direct)) ? direct : null;
  if (label.tagName === 'TH' || label.tagName === 'TD' || label.tagName === 'DT') {
    const field = label.nextElementSibling && innermost(label.nextElementSibling);
    return field && !hiddenOrControl(field) && accept(valueOf(field)) ? field : null;
  }
  let scope: Element | null = label;
  for (let depth = 0; depth < 3 && (scope = scope.parentElement); depth++) {
    let after = false;
    for (const el of scope.querySelectorAll(LEAVES)) {
      if (el === label) after = true;
      if (!after || label.contains(el) || hiddenOrControl(el)) continue;
      const field = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
      if (!field && el.childElementCount) continue;
      const value = valueOf(el);
      if (value) return accept(value) ? el : null;
    }
  }
  return null;
}

/** The element that holds a cell's value: its control, or the single element wrapping its text. */
function innermost(cell: Element): Element {
  const control = cell.querySelector('input,textarea,select');
  if (control) return control;
  let el = cell;
  while (el.childElementCount === 1 && ![...el.childNodes].some((node) => node.nodeType === 3 && node.nodeValue?.trim())) el = el.firstElementChild!;
  return el;
}

/** Value elements for a label anywhere under `root`, including inputs named by aria-label. */
export function findValues(root: Element | Document, label: RegExp, accept: (value: string) => boolean): Element[] {
  const doc = root.ownerDocument ?? (root as Document);
  const out = new Set<Element>();
  for (const el of root.querySelectorAll('[aria-label],[aria-labelledby]')) {
    const ids = el.getAttribute('aria-labelledby');
    const name = ids ? ids.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' ') : el.getAttribute('aria-label');
    if (label.test(norm(name)) && !hiddenOrControl(el) && accept(valueOf(el))) out.add(el);
  }
  for (const el of labelElements(root, label)) {
    const value = valueBeside(el, accept);
    if (value) out.add(value);
  }
  return [...out];
}

/** Visible leaves under `root` whose whole value passes `accept` (for a value inside a known dialog). */
export function leavesMatching(root: Element, accept: (value: string) => boolean): Element[] {
  return [...root.querySelectorAll(LEAVES)].filter(
    (el) => (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || !el.childElementCount) && !hiddenOrControl(el) && accept(valueOf(el)),
  );
}

export function dialogs(doc: Document): Element[] {
  return [...doc.querySelectorAll(DIALOGS)].filter((el) => !el.closest('[hidden],[aria-hidden=true]') && (el.tagName !== 'DIALOG' || el.hasAttribute('open')));
}

export const dialogOf = (el: Element): Element | null => el.closest(DIALOGS);

/** The nearest ancestor (up to `levels`) that satisfies `test`. */
export function ancestorWhere(el: Element, levels: number, test: (scope: Element) => boolean): Element | null {
  let scope: Element | null = el;
  for (let depth = 0; depth < levels && (scope = scope.parentElement); depth++) if (test(scope)) return scope;
  return null;
}

const EXPIRY_LABEL = /^(expiration date|expiration|expiry( date)?|expires( on| at)?|valid until|secret lifetime|lifetime)$/i;
const EXPIRY_PHRASE = /^(?:expiration date|expiration|expires(?: on| at)?|valid until|secret lifetime|lifetime)\s*:?\s+(.+)$/i;
const DURATION = /^(\d{1,4})\s*(hour|day|week|month|year)s?$/i;
const UNIT_MS: Record<string, number> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 2_592_000_000, year: 31_536_000_000 };

/** An expiry the page states, as an ISO date: an absolute date, or a duration counted from now. */
export function parseExpiry(text: string, now: number): { iso: string; absolute: boolean } | null {
  const value = norm(text);
  const duration = DURATION.exec(value);
  if (duration) return { iso: new Date(now + Number(duration[1]) * UNIT_MS[duration[2].toLowerCase()]).toISOString(), absolute: false };
  if (!/\d{4}/.test(value)) return null;
  const time = Date.parse(value.replace(/ at /i, ' '));
  return Number.isNaN(time) ? null : { iso: new Date(time).toISOString(), absolute: true };
}

/** The expiry shown in `scope`: a stated date wins over a lifetime ("90 days"). */
export function expiryIn(scope: Element, now: number): string | undefined {
  const found: { iso: string; absolute: boolean }[] = [];
  for (const label of labelElements(scope, EXPIRY_LABEL)) {
    const el = valueBeside(label, (value) => parseExpiry(value, now) !== null);
    const parsed = el && parseExpiry(valueOf(el), now);
    if (parsed) found.push(parsed);
  }
  // Phrases such as "Expires on Mar 3, 2031" or "Secret Lifetime: <span>30 days</span>".
  const walker = scope.ownerDocument.createTreeWalker(scope, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = norm(node.parentElement?.textContent);
    const phrase = text.length < 100 ? EXPIRY_PHRASE.exec(text) : null;
    const parsed = phrase && parseExpiry(phrase[1], now);
    if (parsed) found.push(parsed);
  }
  return (found.find((entry) => entry.absolute) ?? found[0])?.iso;
}
