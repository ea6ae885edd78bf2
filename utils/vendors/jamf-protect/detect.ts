// Jamf Protect by URL: any page on <tenant>.protect.jamfcloud.com. The background bundles this;
// console.ts adds the DOM recognisers for the content script.
import type { ConsoleDetector } from '../types';
import { consoleFacts } from '../vendor-ids';
import { protectTenant } from './protect-url';

export const jamfProtectDetector: ConsoleDetector = {
  id: 'jamf-protect',
  name: consoleFacts['jamf-protect'].name,
  detect(url) {
    if (url.protocol !== 'https:' || url.port || !protectTenant(url.hostname)) return null;
    const host = url.hostname.toLowerCase();
    return { consoleId: 'jamf-protect', tenant: host, hints: { protectUrl: `https://${host}` } };
  },
};
