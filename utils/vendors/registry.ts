// Every vendor Keyhold supports. A fifth console is one folder and one line here (plus its
// DOM-only half in console-registry.ts and its guides in guide-registry.ts).
import type { ConsoleDetector, ConsoleMatch, CredentialType, CredentialTypeId, VendorModule } from './types';
import { jamfPro } from './jamf-pro';
import { jumpcloud } from './jumpcloud';
import { apple } from './apple';
import { iru } from './iru';
import { jamfProtect } from './jamf-protect';
import { jamfSchool } from './jamf-school';
import { jamfPlatform } from './jamf-platform';
import { KeyholdError } from '../errors';

export const vendorModules: VendorModule[] = [jamfPro, jumpcloud, apple, iru, jamfProtect, jamfSchool, jamfPlatform];

export const credentialTypes: CredentialType<any>[] = vendorModules.flatMap((vendor) => vendor.credentialTypes);

export function getCredentialType(id: CredentialTypeId): CredentialType<any> {
  const type = credentialTypes.find((candidate) => candidate.id === id);
  if (!type) throw new KeyholdError('INVALID_INPUT', `Keyhold does not know the vendor "${id}".`);
  return type;
}

export function vendorOfConsole(consoleId: string): VendorModule | undefined {
  return vendorModules.find((vendor) => vendor.console.id === consoleId);
}

/**
 * The fixed-host console a URL belongs to, by URL alone (the background's view; the content script
 * uses `findConsole` in console-registry.ts, which also brings the DOM recognisers).
 */
export function detectConsole(url: URL, options?: { selfHosted?: boolean; doc?: Document }): { console: ConsoleDetector; match: ConsoleMatch } | null {
  for (const vendor of vendorModules) {
    const match = vendor.console.detect(url, options);
    if (match) return { console: vendor.console, match };
  }
  return null;
}
