// The consoles' URL-only detectors (no DOM recognisers, no credential code): what pages need to
// name a console and find a credential's tenant from a URL. The same consoles, in the same order,
// as registry.ts and console-registry.ts (tests/unit/registries.test.ts keeps them in step).
import type { ConsoleDetector } from './types';
import { jamfProDetector } from './jamf-pro/detect';
import { jumpcloudDetector } from './jumpcloud/detect';
import { appleDetector } from './apple/detect';
import { iruDetector } from './iru/detect';

export const consoleDetectors: ConsoleDetector[] = [jamfProDetector, jumpcloudDetector, appleDetector, iruDetector];

export function detectConsoleOfUrl(url: URL) {
  for (const detector of consoleDetectors) {
    const match = detector.detect(url);
    if (match) return { console: detector, match };
  }
  return null;
}
