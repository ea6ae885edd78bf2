// JumpCloud's admin console by URL: one host per region. The background bundles this; console.ts
// adds the DOM recognisers for the content script.
import type { ConsoleDetector } from '../types';
import { consoleOrigin, oauthOrigin, regionOfConsoleHost, type Region } from './regions';
import { consoleFacts } from '../vendor-ids';

/** The region of a console page; null off the console (or on its API and user-portal paths). */
export function regionOf(url: URL): Region | null {
  if (url.protocol !== 'https:' || /^\/(api|userconsole)(\/|$)/.test(url.pathname)) return null;
  return regionOfConsoleHost(url.hostname);
}

export const jumpcloudDetector: ConsoleDetector = {
  id: 'jumpcloud',
  name: consoleFacts.jumpcloud.name,

  detect(url) {
    const region = regionOf(url);
    if (!region) return null;
    return {
      consoleId: 'jumpcloud',
      tenant: url.hostname.toLowerCase(),
      hints: { region, apiUrl: consoleOrigin(region), tokenUrl: `${oauthOrigin(region)}/oauth2/token` },
    };
  },
};
