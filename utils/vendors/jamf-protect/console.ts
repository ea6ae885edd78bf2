// Jamf Protect in the page: the API client's password, shown once after Create API Client, next
// to its client ID (API Client Configuration) and the tenant's endpoints (Token and API
// Endpoints). The endpoint URL places the panel; see shown-values.ts. DOM-only (content script).
import type { VendorConsole } from '../types';
import { valueOf } from '../recognition';
import { jamfProtectDetector } from './detect';
import { credentialNear } from './shown-values';

const found = (url: URL, doc: Document) =>
  jamfProtectDetector.detect(url) && doc.body
    ? credentialNear(doc, /\.protect\.jamfcloud\.com\/(?:token|graphql)/i, /^clientid/, /^(?:apiclient)?password/)
    : null;

export const jamfProtectConsole: VendorConsole = {
  ...jamfProtectDetector,
  currentStep(url, doc) {
    if (found(url, doc)) return 'capture';
    return /api-?clients?\/(?:new|create)/i.test(url.pathname)
      ? 'create-client'
      : /api-?clients?/i.test(url.pathname)
        ? 'api-clients'
        : 'open-api-clients';
  },
  recognise(url, doc) {
    const shown = found(url, doc);
    return shown
      ? [
          {
            type: 'jamf-protect',
            anchor: shown.secret,
            values: { protectUrl: url.origin, clientId: valueOf(shown.id), password: valueOf(shown.secret) },
          },
        ]
      : [];
  },
};
