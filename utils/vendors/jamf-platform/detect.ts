// Jamf Account (account.jamf.com), where Jamf Platform API integrations are made. The background
// bundles this; console.ts adds the DOM recognisers for the content script.
import type { ConsoleDetector } from '../types';
import { consoleFacts } from '../vendor-ids';

export const JAMF_ACCOUNT_HOST = 'account.jamf.com';
export const REGIONS = ['us', 'eu', 'apac'] as const;
export type Region = (typeof REGIONS)[number];

/** The gateway host of a region: tokens are region-locked, so the token and the reads use the same one. */
export const gatewayOf = (region: string) => `https://${region}.api.jamfcloud.com`;

/** The region named by a gateway URL (https://eu.api.jamfcloud.com/auth/token), or null. */
export function regionOfUrl(text: string): Region | null {
  const match = /^https:\/\/(us|eu|apac)\.api\.jamfcloud\.com(?:\/|$)/i.exec(text.trim());
  return match ? (match[1].toLowerCase() as Region) : null;
}

export const jamfPlatformDetector: ConsoleDetector = {
  id: 'jamf-platform',
  name: consoleFacts['jamf-platform'].name,
  detect(url) {
    if (url.protocol !== 'https:' || url.port || url.hostname.toLowerCase() !== JAMF_ACCOUNT_HOST) return null;
    return { consoleId: 'jamf-platform', tenant: JAMF_ACCOUNT_HOST };
  },
};
