// Who sent a message. Extension pages may do anything the protocol allows; content scripts may
// only hand in a capture or report what page they see, and only for the console their tab is on;
// anything else (other extensions, web pages) is refused.
import type { Runtime } from 'webextension-polyfill';

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

export function classifySender(sender: Runtime.MessageSender, ownId: string, ownOrigin: string): SenderKind {
  if (sender.id !== ownId) return 'foreign';
  const url = sender.url ?? '';
  const origin = ownOrigin.replace(/\/$/, '');
  if (url === origin || url.startsWith(`${origin}/`)) return 'extension-page';
  // http only for pages on this computer (a local destination the admin fills; utils/background/fill-gate.ts).
  if (sender.tab && /^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)[:/])/.test(url)) return 'content-script';
  return 'foreign';
}

/** The page URL a content-script sender is on (its own frame), parsed; undefined when unusable. */
export function senderPageUrl(sender: Runtime.MessageSender): URL | undefined {
  try {
    return new URL(sender.url ?? sender.tab?.url ?? '');
  } catch {
    return undefined;
  }
}
