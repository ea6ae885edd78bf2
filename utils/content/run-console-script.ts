// What every console family's content script runs (entrypoints/<family>.content.ts): the same
// watcher, given only that family's consoles so each script bundles only their recognisers.
import type { VendorConsole } from '../vendors/types';
import { startConsoleWatcher } from './console-watcher';
import { createPageWatch } from './page-watch';
import { startPageValues } from './page-values';
import { keepReadOnlyFieldsOutOfSessionState } from './session-state';

export function runConsoleScript(ctx: { onInvalidated(cb: () => void): unknown }, consoles: readonly VendorConsole[]): void {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  const watch = createPageWatch(window, controller.signal);
  keepReadOnlyFieldsOutOfSessionState(document, watch, controller.signal);
  void startConsoleWatcher(window, watch, consoles, controller.signal);
  startPageValues(window, consoles, controller.signal);
}
