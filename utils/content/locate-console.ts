import type { VendorConsole } from '../vendors/types';

/**
 * Which of the script's consoles this page belongs to: a fixed vendor host first; otherwise the
 * script was registered on an origin the admin enabled, so a self-hosted match.
 */
export function locateConsole(consoles: readonly VendorConsole[], url: URL, doc: Document): VendorConsole | undefined {
  return consoles.find((c) => c.detect(url, { doc })) ?? consoles.find((c) => c.detect(url, { selfHosted: true, doc }));
}
