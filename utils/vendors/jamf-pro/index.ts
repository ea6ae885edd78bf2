// Jamf Pro: the console (DOM-only) and the API client credential (its guide: guide-registry.ts).
import type { VendorModule } from '../types';
import { jamfProDetector } from './detect';
import { jamfProCredential } from './jamf-pro';
import { baseUrlOfPage } from './base-url';
import { confirmJamfPro } from './confirm';

export { confirmJamfPro } from './confirm';
export { baseUrlOfPage, normaliseBaseUrl } from './base-url';

export const jamfPro: VendorModule = {
  console: jamfProDetector,
  credentialTypes: [jamfProCredential],
  // Self-hosted servers live anywhere: confirm from the page's base URL (origin + context path).
  selfHosted: {
    confirm: (pageUrl, http) => {
      const url = new URL(pageUrl);
      return confirmJamfPro(baseUrlOfPage(url) ?? url.origin, http);
    },
  },
};
