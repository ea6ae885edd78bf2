// The in-page script on the jamf family's consoles (utils/vendors/content-scripts.ts): recognise,
// show "Save to Keyhold", report the step. Only these consoles' recognisers are bundled.
import { familyExcludeMatches, familyMatches } from '@/utils/vendors/hosts';
import { runConsoleScript } from '@/utils/content/run-console-script';
import { jamfProConsole } from '@/utils/vendors/jamf-pro/console';
import { jamfProtectConsole } from '@/utils/vendors/jamf-protect/console';
import { jamfSchoolConsole } from '@/utils/vendors/jamf-school/console';
import { jamfPlatformConsole } from '@/utils/vendors/jamf-platform/console';

export default defineContentScript({
  matches: familyMatches('jamf'),
  excludeMatches: familyExcludeMatches('jamf'),
  runAt: 'document_idle',
  main: (ctx) => runConsoleScript(ctx, [jamfProConsole, jamfProtectConsole, jamfSchoolConsole, jamfPlatformConsole]),
});
