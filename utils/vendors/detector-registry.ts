// The URL-only half of every console, for pages (a credential's tenant and console name, the
// popup's tab). No DOM recognisers, so pages do not bundle the in-page script's dictionaries.
// Adding a vendor: one line here (the compiler asks for every console id).
import type { ConsoleDetector, ConsoleId } from './types';
import { consoleIds } from './vendor-ids';
import { jamfProDetector } from './jamf-pro/detect';
import { jumpcloudDetector } from './jumpcloud/detect';
import { appleDetector } from './apple/detect';
import { iruDetector } from './iru/detect';
import { jamfProtectDetector } from './jamf-protect/detect';
import { jamfSchoolDetector } from './jamf-school/detect';
import { jamfPlatformDetector } from './jamf-platform/detect';

const detectors: Record<ConsoleId, ConsoleDetector> = {
  'jamf-pro': jamfProDetector,
  jumpcloud: jumpcloudDetector,
  apple: appleDetector,
  iru: iruDetector,
  'jamf-protect': jamfProtectDetector,
  'jamf-school': jamfSchoolDetector,
  'jamf-platform': jamfPlatformDetector,
};

export const consoleDetectors: ConsoleDetector[] = consoleIds.map((id) => detectors[id]);

/** The console a URL belongs to, by URL alone. */
export function detectConsoleByUrl(url: URL, options?: { selfHosted?: boolean }) {
  for (const detector of consoleDetectors) {
    const match = detector.detect(url, options);
    if (match) return { console: detector, match };
  }
  return null;
}
