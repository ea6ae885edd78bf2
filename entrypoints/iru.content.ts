// The in-page script on the iru family's consoles (utils/vendors/content-scripts.ts): recognise,
// show "Save to Keyhold", report the step. Only these consoles' recognisers are bundled.
import { familyExcludeMatches, familyMatches } from '@/utils/vendors/hosts';
import { runConsoleScript } from '@/utils/content/run-console-script';
import { iruConsole } from '@/utils/vendors/iru/console';

export default defineContentScript({
  matches: familyMatches('iru'),
  excludeMatches: familyExcludeMatches('iru'),
  runAt: 'document_idle',
  main: (ctx) => runConsoleScript(ctx, [iruConsole]),
});
