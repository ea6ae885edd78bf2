// Names of the Jamf family's values in the fill panel's summary ("what went where"): Protect's
// tenant URL and password, School's URL (its `baseUrl` is not a Jamf Pro server) and Network ID.
// Their words live in the locales' vendor section.
import type { CredentialTypeId } from '../protocol';
import { t } from '../i18n/translate';

export function jamfFamilyValueName(vendor: CredentialTypeId, source: string): string | undefined {
  if (vendor === 'jamf-protect' && source === 'protectUrl') return t('vendor.fillValue.protectUrl');
  if (vendor === 'jamf-protect' && source === 'password') return t('vendor.fillValue.password');
  if (vendor === 'jamf-school' && source === 'baseUrl') return t('vendor.fillValue.schoolUrl');
  if (vendor === 'jamf-school' && source === 'networkId') return t('vendor.fillValue.networkId');
  return undefined;
}
