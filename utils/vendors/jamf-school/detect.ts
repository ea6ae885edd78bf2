// Jamf School by URL and page: a Jamf Cloud host whose path or document is Jamf School's (see
// route.ts). The background bundles this; console.ts adds the DOM recognisers.
import type { ConsoleDetector } from '../types';
import { consoleFacts } from '../vendor-ids';
import { isJamfSchoolPage } from './route';

export const jamfSchoolDetector: ConsoleDetector = {
  id: 'jamf-school',
  name: consoleFacts['jamf-school'].name,
  detect(url, options) {
    if (!isJamfSchoolPage(url, options?.doc)) return null;
    const host = url.hostname.toLowerCase();
    return { consoleId: 'jamf-school', tenant: host, hints: { baseUrl: `https://${host}` } };
  },
};
