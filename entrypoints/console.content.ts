import { consoleExcludeMatches, consoleHostPermissions } from '@/utils/vendors/hosts';
import { startConsoleWatcher } from '@/utils/content/console-watcher';
import { keepReadOnlyFieldsOutOfSessionState } from '@/utils/content/session-state';

export default defineContentScript({
  matches: consoleHostPermissions,
  excludeMatches: consoleExcludeMatches,
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    keepReadOnlyFieldsOutOfSessionState(document, controller.signal);
    void startConsoleWatcher(window, controller.signal);
  },
});
