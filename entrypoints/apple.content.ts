// The in-page script on the apple family's consoles (utils/vendors/content-scripts.ts): recognise,
// show "Save to Keyhold", report the step. Only these consoles' recognisers are bundled.
import { familyExcludeMatches, familyMatches } from '@/utils/vendors/hosts';
import { runConsoleScript } from '@/utils/content/run-console-script';
import { appleConsole } from '@/utils/vendors/apple/console';

export default defineContentScript({
  matches: familyMatches('apple'),
  excludeMatches: familyExcludeMatches('apple'),
  runAt: 'document_idle',
  main: (ctx) => runConsoleScript(ctx, [appleConsole]),
});
