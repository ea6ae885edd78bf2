// Reads the page's form controls as FieldInfo: labels (for=, wrapping, aria-label,
// aria-labelledby, or the nearest text before the control), placeholder, name, id, autocomplete,
// help text (aria-describedby, title, the text after it in its row) and pattern. Only controls
// Keyhold may fill are returned: visible, enabled, editable, on the page.
import type { FieldInfo } from './types';

export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface ScannedField {
  element: Control;
  info: FieldInfo;
}

const MAX_TEXT = 300;
const clip = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

const skippedTypes = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'range', 'color']);

/** Hidden, disabled, read-only or off the page: never filled. */
export function isFillable(element: Control): boolean {
  if (element.disabled || element.closest('fieldset:disabled, [hidden], [inert], [aria-hidden="true"]')) return false;
  if (element instanceof HTMLInputElement && skippedTypes.has(element.type)) return false;
  if ('readOnly' in element && element.readOnly && !(element instanceof HTMLInputElement && element.type === 'file')) return false;
  const view = element.ownerDocument.defaultView;
  const style = view?.getComputedStyle(element);
  if (
    !style ||
    style.display === 'none' ||
    style.visibility === 'hidden' ||
    style.visibility === 'collapse' ||
    (style.opacity !== '' && Number(style.opacity) === 0)
  ) {
    // A styled file input is often transparent over its button: judge it by its label instead.
    if (!(element instanceof HTMLInputElement && element.type === 'file' && element.labels?.length)) return false;
  }
  const checks = element as Control & { checkVisibility?: (options?: object) => boolean };
  if (
    checks.checkVisibility &&
    !checks.checkVisibility({ visibilityProperty: true }) &&
    !(element instanceof HTMLInputElement && element.type === 'file')
  )
    return false;
  const rect = element.getBoundingClientRect();
  if (rect.width < 2 || rect.height < 2)
    return element instanceof HTMLInputElement && element.type === 'file' && Boolean(element.labels?.length);
  // Off the page: positioned left of or above the document, where no admin can see it.
  const left = rect.right + (view?.scrollX ?? 0);
  const top = rect.bottom + (view?.scrollY ?? 0);
  const docWidth = Math.max(element.ownerDocument.documentElement.scrollWidth, view?.innerWidth ?? 0);
  return left > 0 && top > 0 && rect.left + (view?.scrollX ?? 0) < docWidth;
}

function textOfIds(document: Document, ids: string | null): string {
  return (ids ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

function labelOf(element: Control): string {
  const document = element.ownerDocument;
  const aria = element.getAttribute('aria-label') || textOfIds(document, element.getAttribute('aria-labelledby'));
  if (aria) return clip(aria);
  const labels = [...(element.labels ?? [])].map((label) => ownText(label, element)).join(' ');
  if (labels.trim()) return clip(labels);
  // No label element: the nearest text before the control in its container.
  let node: Element | null = element;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    let sibling = node.previousElementSibling;
    while (sibling) {
      const text = clip(sibling.textContent);
      if (text && !sibling.querySelector('input, textarea, select')) return text.slice(0, 120);
      sibling = sibling.previousElementSibling;
    }
  }
  return '';
}

/** A label's text without the text of the controls it wraps (a <select>'s options). */
function ownText(label: Element, control: Control): string {
  const clone = label.cloneNode(true) as Element;
  clone.querySelectorAll('input, textarea, select, option').forEach((node) => node.remove());
  return clone.textContent ?? '';
}

function helpOf(element: Control): string {
  const document = element.ownerDocument;
  const parts = [textOfIds(document, element.getAttribute('aria-describedby')), element.getAttribute('title') ?? ''];
  // Help text usually follows the control in its row (a <small>, a hint <p> or <div>).
  let sibling = element.nextElementSibling;
  for (let count = 0; sibling && count < 3; count++, sibling = sibling.nextElementSibling) {
    // The next field's label (or the next field) ends this one's help.
    if (
      sibling.matches('input, textarea, select, button, label, h1, h2, h3, h4') ||
      sibling.querySelector('input, textarea, select, label')
    )
      break;
    parts.push(sibling.textContent ?? '');
  }
  const row = element.parentElement;
  if (row && row.nextElementSibling && !row.nextElementSibling.querySelector('input, textarea, select, label')) {
    parts.push(row.nextElementSibling.textContent ?? '');
  }
  return clip(parts.join(' '));
}

/** Text node or element right before / after the control ("https://" [input] ".jamfcloud.com"). */
function adjacentText(element: Control, direction: 'previous' | 'next'): string {
  let node: ChildNode | null = direction === 'previous' ? element.previousSibling : element.nextSibling;
  while (node && node.nodeType === Node.TEXT_NODE && !node.textContent?.trim())
    node = direction === 'previous' ? node.previousSibling : node.nextSibling;
  if (!node || (node instanceof Element && node.matches('label, input, textarea, select'))) return '';
  return clip(node.textContent).slice(0, 60);
}

export function describe(element: Control): FieldInfo {
  const input = element instanceof HTMLInputElement ? element : undefined;
  return {
    tag: element.tagName.toLowerCase() as FieldInfo['tag'],
    type: input ? input.type.toLowerCase() : '',
    name: clip(element.getAttribute('name') ?? element.getAttribute('formcontrolname') ?? element.getAttribute('ng-model') ?? ''),
    id: clip(element.id),
    label: labelOf(element),
    placeholder: clip(element.getAttribute('placeholder')),
    autocomplete: clip(element.getAttribute('autocomplete')).toLowerCase(),
    help: helpOf(element),
    pattern: element.getAttribute('pattern') ?? '',
    prefix: adjacentText(element, 'previous'),
    suffix: adjacentText(element, 'next'),
    ...(element instanceof HTMLSelectElement
      ? { options: [...element.options].map((option) => ({ value: option.value, text: clip(option.text) })) }
      : {}),
    ...(input?.type === 'file' ? { accept: input.accept } : {}),
    hasValue:
      element instanceof HTMLSelectElement
        ? element.selectedIndex > 0 && Boolean(element.value)
        : input?.type === 'file'
          ? Boolean(input.files?.length)
          : Boolean(element.value),
  };
}

/** Every fillable control of the document (its open shadow roots included), in page order. */
export function scanDocument(document: Document, skip?: Element): ScannedField[] {
  const found: Control[] = [];
  const visit = (root: Document | ShadowRoot) => {
    root.querySelectorAll<Control>('input, textarea, select').forEach((element) => found.push(element));
    root.querySelectorAll('*').forEach((element) => {
      if (element.shadowRoot && element !== skip) visit(element.shadowRoot);
    });
  };
  visit(document);
  return found
    .filter((element) => !skip?.contains(element) && isFillable(element))
    .map((element) => ({ element, info: describe(element) }));
}

/** Words that say what the page is about: title, headings, legends, the labels of its form. */
export function pageWords(document: Document, fields: ScannedField[]): string {
  const headings = [...document.querySelectorAll('h1, h2, h3, legend, [role="heading"]')].map((node) => node.textContent ?? '');
  return [document.title, ...headings, ...fields.map((field) => field.info.label)].join(' ').replace(/\s+/g, ' ').slice(0, 2000);
}
