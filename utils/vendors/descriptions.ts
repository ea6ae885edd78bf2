// What the pages know of each console: data-only descriptions of its credential types (fields,
// labels, paste formats, templates, rotation steps) and its guides. No schema, no test code, no
// jose: those stay in the background's registry.ts. Adding a console: one line here (the
// compiler asks for every console id).
import { consoleIds, type ConsoleId } from './vendor-ids';
import type { CredentialDescription, Guide } from './types';
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
  credentialTypes: CredentialDescription[];
  /** Built per call, so the guide reads the admin's language when shown. */
  guides: () => Guide[];
}

const consoles: Record<ConsoleId, ConsoleDescription> = {
  'jamf-pro': { credentialTypes: jamfProDescriptions, guides: jamfProGuides },
  jumpcloud: { credentialTypes: jumpcloudDescriptions, guides: jumpcloudGuides },
  apple: { credentialTypes: appleDescriptions, guides: () => [appleGuide()] },
  iru: { credentialTypes: iruDescriptions, guides: iruGuides },
  'jamf-protect': { credentialTypes: jamfProtectDescriptions, guides: jamfProtectGuides },
  'jamf-school': { credentialTypes: jamfSchoolDescriptions, guides: jamfSchoolGuides },
  'jamf-platform': { credentialTypes: jamfPlatformDescriptions, guides: jamfPlatformGuides },
};

/** Every credential type, described (same name as the background registry's list, so pages only swap the import). */
export const credentialTypes: CredentialDescription[] = consoleIds.flatMap((id) => consoles[id].credentialTypes);

/** The description of one credential type, or undefined for an id Keyhold does not know. */
export function describeCredentialType(id: string): CredentialDescription | undefined {
  return credentialTypes.find((type) => type.id === id);
}

/** The guides the side panel shows for a console. */
export function guidesFor(consoleId: string): Guide[] {
  return Object.hasOwn(consoles, consoleId) ? consoles[consoleId as ConsoleId].guides() : [];
}
