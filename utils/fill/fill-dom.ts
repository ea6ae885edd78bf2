// Writing a value so the page's framework sees it: the native value setter (React keeps its own
// copy of the last value on the element and only notices a change made behind its back), then the
// input and change events that React, Angular and Vue listen to, then blur for forms that validate
// on it. A select gets its own option; a file input gets a File through DataTransfer.
import type { Control } from './scan-dom';

function nativeSetter(element: Control): ((value: string) => void) | undefined {
  const prototype =
    element instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : element instanceof HTMLSelectElement
        ? HTMLSelectElement.prototype
        : HTMLInputElement.prototype;
  return Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
}

function announce(element: Control): void {
  element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
  element.dispatchEvent(new FocusEvent('blur'));
  element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

export function setControlValue(element: Control, value: string): void {
  element.dispatchEvent(new FocusEvent('focus'));
  element.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  const set = nativeSetter(element);
  if (set) set.call(element, value);
  else element.value = value;
  announce(element);
}

export function selectOption(element: HTMLSelectElement, index: number): void {
  const value = element.options[index]?.value;
  if (value === undefined) return;
  element.dispatchEvent(new FocusEvent('focus'));
  nativeSetter(element)?.call(element, value);
  element.selectedIndex = index;
  announce(element);
}

/** Put a file on a file input, as if the admin had picked it. */
export function setFile(element: HTMLInputElement, text: string, name: string): void {
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'application/x-pem-file' }));
  element.files = transfer.files;
  element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}
