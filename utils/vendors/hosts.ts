// The fixed hosts Keyhold talks to, shared by the manifest, the content-script matches and tests.
// Derived from the one vendor list (vendor-ids.ts, import-free) so wxt.config.ts can load it.
import { consoleHosts, consoleIds } from './vendor-ids';
import { familyConsoleIds, type ConsoleFamily } from './content-scripts';

/** Web consoles where the content script runs. */
export const consoleHostPermissions: string[] = /* @__PURE__ */ consoleIds.flatMap((id) => consoleHosts[id].console);

/** API and token hosts that only the background calls. */
export const apiHostPermissions: string[] = /* @__PURE__ */ consoleIds.flatMap((id) => consoleHosts[id].api);

/** API hosts under a console wildcard (Iru/Kandji); the content script skips them. */
export const consoleExcludeMatches: string[] = /* @__PURE__ */ consoleIds.flatMap((id) => consoleHosts[id].exclude);

/** One family's content-script matches and exclusions (utils/vendors/content-scripts.ts). */
export function familyMatches(family: ConsoleFamily): string[] {
  return familyConsoleIds(family).flatMap((id) => consoleHosts[id].console);
}

/** Undefined when there are none: Firefox refuses an add-on whose `exclude_matches` is empty. */
export function familyExcludeMatches(family: ConsoleFamily): string[] | undefined {
  const excluded = familyConsoleIds(family).flatMap((id) => consoleHosts[id].exclude);
  return excluded.length ? excluded : undefined;
}
