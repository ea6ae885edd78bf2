// Jamf Pro by URL: which server a page belongs to. No DOM work beyond the optional document the
// base URL may be read from; the background bundles this, console.ts adds the recognisers.
import type { ConsoleDetector } from '../types';
import { baseUrlOfPage, isJamfCloudHost } from './base-url';
import { consoleFacts } from '../vendor-ids';
import { isJamfSchoolPage } from '../jamf-school/route';

export const jamfProDetector: ConsoleDetector = {
  id: 'jamf-pro',
  name: consoleFacts['jamf-pro'].name,

  detect(url, options) {
    if (url.protocol !== 'https:') return null;
    const cloud = isJamfCloudHost(url.hostname);
    if (!cloud && !options?.selfHosted) return null;
    if (cloud && isJamfSchoolPage(url, options?.doc)) return null; // Jamf School shares the host
    const baseUrl = baseUrlOfPage(url, options?.doc);
    if (!baseUrl) return null;
    return {
      consoleId: 'jamf-pro',
      tenant: baseUrl.slice('https://'.length),
      hints: { baseUrl, deployment: cloud ? 'cloud' : 'self-hosted' },
    };
  },
};
