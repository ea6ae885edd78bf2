// The destination fill, injected with scripting.executeScript only when the admin asks (toolbar
// popup, context menu, keyboard command) and never declared as a content script: it defines one
// entry in this extension's isolated world, which the background then calls with the ticket and
// the credentials' metadata (utils/background/fill-service.ts). A web page cannot reach it.
import { openFillPanel, type SendMessage } from '@/utils/fill/fill-panel';
import type { FillStart } from '@/utils/fill/types';

export default defineUnlistedScript(() => {
  const scope = globalThis as typeof globalThis & { __keyholdFill?: (start: FillStart) => void; browser?: typeof chrome };
  if (scope.__keyholdFill) return;
  // The browsers' own promise-based API: no polyfill in the page.
  const runtime = (scope.browser ?? chrome).runtime;
  const send: SendMessage = (message) => runtime.sendMessage(message) as ReturnType<SendMessage>;
  scope.__keyholdFill = (start) => openFillPanel(start, send);
});
