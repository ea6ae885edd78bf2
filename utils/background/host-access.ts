// Host access, asked of the browser the same way everywhere: one match pattern per origin, and an
// origin that is no URL, or a pattern the browser rejects, counts as not granted.
import { browser } from 'wxt/browser';

/** Match pattern for an origin. Ports are left out: a host pattern covers every port (and Firefox rejects ports). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Whether every one of these origins is granted. Never rejects. */
export async function hostsGranted(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: origins.map(originPattern) });
  } catch {
    return false;
  }
}
