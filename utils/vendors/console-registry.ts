// Every console's DOM-only module, for tests that run all recognisers. No content script imports
// this list (it would bundle every console's recognisers): each family's script imports its own
// consoles (utils/vendors/content-scripts.ts). Adding a vendor: one line here (the compiler asks
// for every console id; a unit test keeps it in step with registry.ts).
import type { ConsoleId, VendorConsole } from './types';
import { consoleIds } from './vendor-ids';
import { jamfProConsole } from './jamf-pro/console';
import { jumpcloudConsole } from './jumpcloud/console';
import { appleConsole } from './apple/console';
import { iruConsole } from './iru/console';
import { jamfProtectConsole } from './jamf-protect/console';
import { jamfSchoolConsole } from './jamf-school/console';
import { jamfPlatformConsole } from './jamf-platform/console';

const consoles: Record<ConsoleId, VendorConsole> = {
  'jamf-pro': jamfProConsole,
  jumpcloud: jumpcloudConsole,
  apple: appleConsole,
  iru: iruConsole,
  'jamf-protect': jamfProtectConsole,
  'jamf-school': jamfSchoolConsole,
  'jamf-platform': jamfPlatformConsole,
};

export const vendorConsoles: VendorConsole[] = consoleIds.map((id) => consoles[id]);
