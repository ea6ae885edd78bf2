// The in-page script on the jumpcloud family's consoles (utils/vendors/content-scripts.ts): recognise,
// show "Save to Keyhold", report the step. Only these consoles' recognisers are bundled.
import { familyExcludeMatches, familyMatches } from '@/utils/vendors/hosts';
import { runConsoleScript } from '@/utils/content/run-console-script';
import { jumpcloudConsole } from '@/utils/vendors/jumpcloud/console';

export default defineContentScript({
  matches: familyMatches('jumpcloud'),
  excludeMatches: familyExcludeMatches('jumpcloud'),
  runAt: 'document_idle',
  main: (ctx) => runConsoleScript(ctx, [jumpcloudConsole]),
});
