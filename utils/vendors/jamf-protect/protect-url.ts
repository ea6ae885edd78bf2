// Jamf Protect tenant addresses: https://<tenant>.protect.jamfcloud.com (learn.jamf.com, "Jamf
// Protect API"). A pasted token or GraphQL URL is cut back to the tenant. No DOM, no zod: the
// detector, the content script and the values schema share it.

const HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.protect\.jamfcloud\.com$/;

/** The tenant name of a Protect host, or null. */
export function protectTenant(hostname: string): string | null {
  return HOST.exec(hostname.toLowerCase())?.[1] ?? null;
}

/** The https origin (lower case) of a typed or pasted address whose host passes `test`, or null. Shared with School. */
export function httpsOriginOf(input: string, test: (hostname: string) => unknown): string | null {
  const text = input.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' || url.username || url.password || url.port || !test(url.hostname)) return null;
    return `https://${url.hostname.toLowerCase()}`;
  } catch {
    return null;
  }
}

/** `https://<tenant>.protect.jamfcloud.com` from what an admin typed or a page showed, or null. */
export const normaliseProtectUrl = (input: string): string | null => httpsOriginOf(input, protectTenant);
