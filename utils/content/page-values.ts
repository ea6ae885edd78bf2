// The in-page half of the "Save to Keyhold" fallback (context menu, keyboard shortcut). When the
// background asks, it answers with what the admin selected or right-clicked and the non-secret
// values the console showed so far (a client ID shown before its secret). It keeps no secret:
// secret fields are read at the moment of the request, never remembered. It never fetches.
import { browser } from 'wxt/browser';
import { findConsole, vendorConsoles } from '../vendors/console-registry';
import type { CredentialTypeId, VendorConsole } from '../vendors/types';
import { PAGE_VALUES_REQUEST, type PageValues } from '../capture/page-values-message';

/** Secret field names across the credential types (a unit test keeps this in step with them). */
export const SECRET_FIELD_NAMES = new Set(['clientSecret', 'apiKey', 'token', 'privateKey']);

const MAX = 20_000;

export function startPageValues(win: Window, signal: AbortSignal): void {
  const doc = win.document;
  const consoleOf = (): VendorConsole | undefined => {
    const url = new URL(win.location.href);
    return findConsole(url, { doc })?.console ?? vendorConsoles.find((c) => c.detect(url, { selfHosted: true, doc }));
  };
  const remembered = new Map<CredentialTypeId, Record<string, string>>();
  let target: Element | null = null;

  const read = (): PageValues['recognised'] => {
    const found: PageValues['recognised'] = [];
    const vendorConsole = consoleOf();
    let recognitions: ReturnType<VendorConsole['recognise']> = [];
    try {
      recognitions = vendorConsole ? vendorConsole.recognise(new URL(win.location.href), doc) : [];
    } catch {
      // A recogniser failing on an unknown page leaves the remembered values.
    }
    for (const { type, values } of recognitions) {
      const kept = { ...remembered.get(type) };
      for (const [name, value] of Object.entries(values)) if (!SECRET_FIELD_NAMES.has(name) && value) kept[name] = value;
      remembered.set(type, kept);
      found.push({ type, values });
    }
    for (const [type, values] of remembered) if (!found.some((f) => f.type === type)) found.push({ type, values: { ...values } });
    return found;
  };

  // A copy action or a right-click is when the admin looks at a value: note what the page shows.
  const snapshot = () => void read();
  doc.addEventListener('copy', snapshot, { capture: true, signal });
  doc.addEventListener(
    'contextmenu',
    (event) => {
      target = event.target instanceof Element ? event.target : null;
      snapshot();
    },
    { capture: true, signal },
  );

  // sendResponse rather than a returned promise: Chrome's own API (no polyfill here) needs it.
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: PageValues) => void): undefined => {
    if (message && (message as { type?: unknown }).type === PAGE_VALUES_REQUEST) sendResponse(answer());
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));

  function answer(): PageValues {
    const editable = fieldOf(target) ?? fieldOf(doc.activeElement);
    let selection = String(win.getSelection?.() ?? '');
    if (!selection && editable && typeof editable.selectionStart === 'number' && editable.selectionEnd !== editable.selectionStart) {
      selection = editable.value.slice(editable.selectionStart, editable.selectionEnd ?? undefined);
    }
    return {
      selection: selection.trim().slice(0, MAX),
      ...(editable && editable.value.trim() ? { field: editable.value.trim().slice(0, MAX) } : {}),
      recognised: read(),
    };
  }
}

function fieldOf(el: Element | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (!el) return null;
  if (el.tagName === 'TEXTAREA') return el as HTMLTextAreaElement;
  if (el.tagName === 'INPUT' && /^(text|password|search|url|email|)$/i.test((el as HTMLInputElement).type)) return el as HTMLInputElement;
  return null;
}
