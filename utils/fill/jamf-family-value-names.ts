// Names of the Jamf family's values in the fill panel's summary ("what went where"): Protect's
// tenant URL and password, School's Network ID. Their words live in the locales' vendor section.
import { t } from '../i18n/translate';

export const jamfFamilyValueNames = (): Record<string, string> => ({
  protectUrl: t('vendor.fillValue.protectUrl'),
  password: t('vendor.fillValue.password'),
  networkId: t('vendor.fillValue.networkId'),
});
