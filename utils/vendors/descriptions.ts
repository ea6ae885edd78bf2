// What the pages know of each console: its URL-only detector (to name consoles and tenants),
// data-only descriptions of its credential types (fields, labels, paste formats, templates,
// rotation steps) and its guides. No schema, no test code, no
// jose: those stay in the background's registry.ts. Adding a console: one line here (the
// compiler asks for every console id).
import { consoleIds, type ConsoleId } from './vendor-ids';
import type { ConsoleDetector, CredentialDescription, Guide } from './types';
import { jamfProDetector } from './jamf-pro/detect';
import { jumpcloudDetector } from './jumpcloud/detect';
import { appleDetector } from './apple/detect';
import { iruDetector } from './iru/detect';
import { jamfProtectDetector } from './jamf-protect/detect';
import { jamfSchoolDetector } from './jamf-school/detect';
import { jamfPlatformDetector } from './jamf-platform/detect';
import { jamfProDescriptions } from './jamf-pro/description';
import { jamfProGuides } from './jamf-pro/guide';
import { jumpcloudDescriptions } from './jumpcloud/description';
import { jumpcloudGuides } from './jumpcloud/guide';
import { appleDescriptions } from './apple/description';
import { appleGuide } from './apple/guide';
import { iruDescriptions } from './iru/description';
import { iruGuides } from './iru/guide';
import { jamfProtectDescriptions } from './jamf-protect/description';
import { jamfProtectGuides } from './jamf-protect/guide';
import { jamfSchoolDescriptions } from './jamf-school/description';
import { jamfSchoolGuides } from './jamf-school/guide';
import { jamfPlatformDescriptions } from './jamf-platform/description';
import { jamfPlatformGuides } from './jamf-platform/guide';

export interface ConsoleDescription {
  detector: ConsoleDetector;
  credentialTypes: CredentialDescription[];
  guides: Guide[];
}

const consoles: Record<ConsoleId, ConsoleDescription> = {
  'jamf-pro': { detector: jamfProDetector, credentialTypes: jamfProDescriptions, guides: jamfProGuides },
  jumpcloud: { detector: jumpcloudDetector, credentialTypes: jumpcloudDescriptions, guides: jumpcloudGuides },
  apple: { detector: appleDetector, credentialTypes: appleDescriptions, guides: [appleGuide] },
  iru: { detector: iruDetector, credentialTypes: iruDescriptions, guides: iruGuides },
  'jamf-protect': { detector: jamfProtectDetector, credentialTypes: jamfProtectDescriptions, guides: jamfProtectGuides },
  'jamf-school': { detector: jamfSchoolDetector, credentialTypes: jamfSchoolDescriptions, guides: jamfSchoolGuides },
  'jamf-platform': { detector: jamfPlatformDetector, credentialTypes: jamfPlatformDescriptions, guides: jamfPlatformGuides },
};

/** The consoles' URL-only detectors, in the vendor list's order. */
export const consoleDetectors: ConsoleDetector[] = consoleIds.map((id) => consoles[id].detector);

/** The console a URL belongs to (fixed hosts), by URL alone. */
export function detectConsoleOfUrl(url: URL) {
  for (const detector of consoleDetectors) {
    const match = detector.detect(url);
    if (match) return { console: detector, match };
  }
  return null;
}

/** Every credential type, described (same name as the background registry's list, so pages only swap the import). */
export const credentialTypes: CredentialDescription[] = consoleIds.flatMap((id) => consoles[id].credentialTypes);

/** The description of one credential type, or undefined for an id Keyhold does not know. */
export function describeCredentialType(id: string): CredentialDescription | undefined {
  return credentialTypes.find((type) => type.id === id);
}

/** The guides the side panel shows for a console. */
export function guidesFor(consoleId: string): Guide[] {
  return Object.hasOwn(consoles, consoleId) ? consoles[consoleId as ConsoleId].guides : [];
}
