// The in-page half of the "Save to Keyhold" fallback (context menu, keyboard shortcut). When the
// background asks, it answers with what the admin selected or right-clicked and what the console
// shows, plus the non-secret values it showed before (a client ID shown before its secret). It
// keeps no secret: secret fields are read at the moment of the request, never remembered.
import { browser } from 'wxt/browser';
import type { CredentialTypeId, VendorConsole } from '../vendors/types';
import { locateConsole } from './locate-console';
import { PAGE_VALUES_REQUEST, type PageValues } from '../capture/page-values-message';

/** Secret field names across the credential types (a unit test keeps this in step with them). */
export const SECRET_FIELD_NAMES = ['clientSecret', 'apiKey', 'token', 'privateKey', 'password'];

export function startPageValues(win: Window, consoles: readonly VendorConsole[], signal: AbortSignal): void {
  const doc = win.document;
  const remembered: Record<string, Record<string, string>> = {};
  let target: Element | null = null;

  const read = (): PageValues['recognised'] => {
    const url = new URL(win.location.href);
    const found: PageValues['recognised'] = [];
    try {
      const known = locateConsole(consoles, url, doc);
      for (const { type, values } of known?.recognise(url, doc) ?? []) {
        found.push({ type, values });
        for (const name in values) if (!SECRET_FIELD_NAMES.includes(name) && values[name]) (remembered[type] ??= {})[name] = values[name];
      }
    } catch {
      // A recogniser failing on an unknown page leaves what was remembered.
    }
    for (const type in remembered)
      if (!found.some((f) => f.type === type)) found.push({ type: type as CredentialTypeId, values: { ...remembered[type] } });
    return found;
  };

  // A copy or a right-click is when the admin looks at a value: note what the page shows then.
  doc.addEventListener('copy', () => void read(), { capture: true, signal });
  doc.addEventListener('contextmenu', (event) => ((target = event.target as Element), void read()), { capture: true, signal });

  // sendResponse rather than a returned promise: Chrome's own API (no polyfill here) needs it.
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: PageValues) => void): undefined => {
    if ((message as { type?: unknown } | null)?.type !== PAGE_VALUES_REQUEST) return;
    const field = [target, doc.activeElement].find((el) =>
      el?.matches('textarea,input:not([type=checkbox],[type=radio],[type=hidden])'),
    ) as HTMLInputElement | undefined;
    const inField =
      field && field.selectionEnd !== field.selectionStart ? field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0) : '';
    sendResponse({
      selection: (String(win.getSelection()) || inField).trim(),
      field: field?.value.trim() || undefined,
      recognised: read(),
    });
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
