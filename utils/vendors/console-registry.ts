// The consoles the content script knows. DOM-only modules, so the in-page script stays small.
// Adding a vendor: one line here and one in registry.ts (a unit test keeps the two in step).
import type { VendorConsole } from './types';
import { jamfProConsole } from './jamf-pro/console';
import { jumpcloudConsole } from './jumpcloud/console';
import { appleConsole } from './apple/console';
import { iruConsole } from './iru/console';
import { jamfProtectConsole } from './jamf-protect/console';
import { jamfSchoolConsole } from './jamf-school/console';
import { jamfPlatformConsole } from './jamf-platform/console';

export const vendorConsoles: VendorConsole[] = [jamfProConsole, jumpcloudConsole, appleConsole, iruConsole, jamfProtectConsole, jamfSchoolConsole, jamfPlatformConsole];

export function findConsole(url: URL, options?: { selfHosted?: boolean; doc?: Document }) {
  for (const vendorConsole of vendorConsoles) {
    const match = vendorConsole.detect(url, options);
    if (match) return { console: vendorConsole, match };
  }
  return null;
}
