// The guides the side panel shows, per console. Pages only: the guides are mostly text, and the
// background never needs them, so they are kept out of the vendor modules in registry.ts.
// Adding a vendor: one line here (the compiler insists on every console id).
import type { ConsoleId, Guide } from './types';
import { jamfProGuides } from './jamf-pro/guide';
import { jumpcloudGuides } from './jumpcloud/guide';
import { appleGuide } from './apple/guide';
import { iruGuides } from './iru/guide';
import { jamfProtectGuides } from './jamf-protect/guide';
import { jamfSchoolGuides } from './jamf-school/guide';
import { jamfPlatformGuides } from './jamf-platform/guide';

const guides: Record<ConsoleId, Guide[]> = {
  'jamf-pro': jamfProGuides,
  jumpcloud: jumpcloudGuides,
  apple: [appleGuide],
  iru: iruGuides,
  'jamf-protect': jamfProtectGuides,
  'jamf-school': jamfSchoolGuides,
  'jamf-platform': jamfPlatformGuides,
};

export function guidesFor(consoleId: string): Guide[] {
  return Object.hasOwn(guides, consoleId) ? guides[consoleId as ConsoleId] : [];
}
