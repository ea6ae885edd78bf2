// Words for the pages about self-hosted consoles, from the vendor list: which consoles can be
// self-hosted is a fact each console declares (vendor-ids.ts), not a Jamf Pro special case.
import { consoleFacts, selfHostableConsoleIds, type ConsoleId } from './vendor-ids';

const orList = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? '');

/** What the popup says after "Use Keyhold on this site": the console the background confirmed, or none. */
export function enabledSiteNotice(confirmed: ConsoleId | null): string {
  if (confirmed) return `${consoleFacts[confirmed].name} confirmed on this site. Keyhold is active here now.`;
  return `Enabled, but this site did not answer like a ${orList(selfHostableConsoleIds().map((id) => consoleFacts[id].name))} server.`;
}
