import { consoleExcludeMatches, consoleHostPermissions } from '@/utils/vendors/hosts';
import { startConsoleWatcher } from '@/utils/content/console-watcher';
import { createPageWatch } from '@/utils/content/page-watch';
import { keepReadOnlyFieldsOutOfSessionState } from '@/utils/content/session-state';
import { startPageValues } from '@/utils/content/page-values';

export default defineContentScript({
  matches: consoleHostPermissions,
  excludeMatches: consoleExcludeMatches,
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const watch = createPageWatch(window, controller.signal);
    keepReadOnlyFieldsOutOfSessionState(document, watch, controller.signal);
    void startConsoleWatcher(window, watch, controller.signal);
    startPageValues(window, controller.signal);
  },
});
