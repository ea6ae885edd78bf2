// Every vendor Keyhold supports, as the background sees it (detectors, credential types with
// their tests). A console is one folder plus one line here, one in console-registry.ts (its
// DOM-only half), one in descriptions.ts (what pages see) and its entry in vendor-ids.ts; the
// compiler asks for every console id.
import type { ConsoleDetector, ConsoleMatch, ConsoleId, CredentialType, CredentialTypeId, VendorModule } from './types';
import { consoleIds } from './vendor-ids';
import { jamfPro } from './jamf-pro';
import { jumpcloud } from './jumpcloud';
import { apple } from './apple';
import { iru } from './iru';
import { jamfProtect } from './jamf-protect';
import { jamfSchool } from './jamf-school';
import { jamfPlatform } from './jamf-platform';
import { KeyholdError } from '../errors';
import { t } from '../i18n/translate';

const vendors: Record<ConsoleId, VendorModule> = {
  'jamf-pro': jamfPro,
  jumpcloud,
  apple,
  iru,
  'jamf-protect': jamfProtect,
  'jamf-school': jamfSchool,
  'jamf-platform': jamfPlatform,
};

export const vendorModules: VendorModule[] = consoleIds.map((id) => vendors[id]);

export const credentialTypes: CredentialType<any>[] = vendorModules.flatMap((vendor) => vendor.credentialTypes);

export function getCredentialType(id: CredentialTypeId): CredentialType<any> {
  const type = credentialTypes.find((candidate) => candidate.id === id);
  if (!type) throw new KeyholdError('INVALID_INPUT', t('vendor.common.unknownVendor', [String(id)]));
  return type;
}

export function vendorOfConsole(consoleId: string): VendorModule | undefined {
  return vendorModules.find((vendor) => vendor.console.id === consoleId);
}

/**
 * The fixed-host console a URL belongs to, by URL alone (the background's view; the content script
 * uses `locateConsole` over its family's DOM-only consoles, utils/content/locate-console.ts).
 */
export function detectConsole(
  url: URL,
  options?: { selfHosted?: boolean; doc?: Document },
): { console: ConsoleDetector; match: ConsoleMatch } | null {
  for (const vendor of vendorModules) {
    const match = vendor.console.detect(url, options);
    if (match) return { console: vendor.console, match };
  }
  return null;
}
