// JumpCloud runs three separate regions; a key or service account exists in exactly one of them.
// Plain data, no imports: the content script bundles this file.

export const regions = ['us', 'eu', 'in'] as const;
export type Region = (typeof regions)[number];

const hostPart: Record<Region, string> = { us: '', eu: '.eu', in: '.in' };

/** What the admin reads in messages: "US", "EU", "IN". */
export const regionName = (region: Region): string => region.toUpperCase();

/** The admin console, which also serves the v1 and v2 APIs under /api. */
export const consoleOrigin = (region: Region): string => `https://console${hostPart[region]}.jumpcloud.com`;

/** The OAuth server that issues service-account tokens. */
export const oauthOrigin = (region: Region): string => `https://admin-oauth.id${hostPart[region]}.jumpcloud.com`;

export function regionOfConsoleHost(host: string): Region | null {
  const match = /^console(?:\.(eu|in))?\.jumpcloud\.com$/i.exec(host);
  return match ? ((match[1]?.toLowerCase() as Region | undefined) ?? 'us') : null;
}
