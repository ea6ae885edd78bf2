// The consoles the content script knows. DOM-only modules, so the in-page script stays small.
// Adding a vendor: one line here (the compiler asks for every console id; a unit test keeps it
// in step with registry.ts).
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

export function findConsole(url: URL, options?: { selfHosted?: boolean; doc?: Document }) {
  for (const vendorConsole of vendorConsoles) {
    const match = vendorConsole.detect(url, options);
    if (match) return { console: vendorConsole, match };
  }
  return null;
}
