// Jamf Account in the page: a new Platform API integration's client ID and secret (shown once),
// the region from the token URL beside them (https://<region>.api.jamfcloud.com/auth/token), and
// the environment or tenant UUID where the panel names it; what the page does not show is asked
// in the side panel. The token URL places the panel; see shown-values.ts. DOM-only.
import type { Recognition, VendorConsole } from '../types';
import { dialogOf, UUID, valueOf } from '../recognition';
import { credentialNear, isValue, labelledValues } from '../jamf-protect/shown-values';
import { jamfPlatformDetector, regionOfUrl } from './detect';

const isUuid = (value: string) => UUID.test(value);
function found(url: URL, doc: Document) {
  if (!jamfPlatformDetector.detect(url) || !doc.body) return null;
  const near = credentialNear(doc, /^https:\/\/(?:us|eu|apac)\.api\.jamfcloud\.com(?:\/|$)/i, /^clientid/, /^clientsecret/);
  if (near) return near;
  // No token URL on show: labelled values only, and the region is asked in the side panel.
  const [id] = labelledValues(doc.body, /^clientid/, isValue);
  const [secret] = labelledValues(doc.body, /^clientsecret/, isValue);
  return id && secret && id !== secret ? { panel: dialogOf(secret) ?? doc.body, url: undefined, id, secret } : null;
}

export const jamfPlatformConsole: VendorConsole = {
  ...jamfPlatformDetector,
  currentStep(url, doc) {
    if (found(url, doc)) return 'capture';
    return /integrations?\/(?:new|create)/i.test(url.pathname)
      ? 'create'
      : /integrations?/i.test(url.pathname)
        ? 'integrations'
        : 'open-integrations';
  },
  recognise(url, doc) {
    const shown = found(url, doc);
    if (!shown) return [];
    const values: Recognition['values'] = {
      clientId: valueOf(shown.id),
      clientSecret: valueOf(shown.secret),
    };
    const region = shown.url && regionOfUrl(valueOf(shown.url));
    if (region) values.region = region;
    for (const [field, label] of [
      ['environmentId', /^environment/],
      ['tenantId', /^tenant/],
    ] as const) {
      const id = labelledValues(shown.panel, label, isUuid)[0];
      if (id) values[field] = valueOf(id).toLowerCase();
    }
    return [{ type: 'jamf-platform', anchor: shown.secret, values }];
  },
};
