// Iru Endpoint (formerly Kandji) by URL: a tenant subdomain on kandji.io, eu.kandji.io, iru.com or eu.iru.com.
// The background bundles this; console.ts adds the DOM recognisers for the content script.
import type { ConsoleDetector, ConsoleMatch } from '../types';
import { consoleTenant, deriveApiUrl, regionOf } from './api-url';
import { consoleFacts } from '../vendor-ids';

export function detect(url: URL): ConsoleMatch | null {
  if (url.protocol !== 'https:' || url.port) return null;
  const tenant = consoleTenant(url.hostname);
  if (!tenant) return null;
  const hints: Record<string, string> = { subdomain: tenant.sub, apiUrl: deriveApiUrl(url.hostname) as string };
  // iru.com alone says nothing about the region (US, or an EU tenant that has not moved to eu.iru.com).
  if (tenant.domain !== 'iru.com') hints.region = regionOf(tenant.domain);
  return { consoleId: 'iru', tenant: url.hostname.toLowerCase(), hints };
}

export const iruDetector: ConsoleDetector = {
  id: 'iru',
  name: consoleFacts.iru.name,
  detect,
};
