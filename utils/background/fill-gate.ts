// The gesture gate of the destination fill. A fill starts only from the admin's gesture (toolbar
// popup, context menu, keyboard command), which issues a ticket bound to that tab, frame and
// origin. The injected script gets the ticket in its isolated world, where no page script can
// read it, and must present it, once, from that same frame and origin, within a few minutes.
import type { Runtime } from 'webextension-polyfill';
import { newId } from '../vault/bytes';
import { session, withLock } from './storage-area';

export const TICKET_TTL_MS = 5 * 60_000;
const KEY = 'fillTickets';

export interface FillTicket {
  tabId: number;
  frameId: number;
  origin: string;
  until: number;
}

/** https pages, and http only on this computer (a local test instance). */
export function fillableOrigin(url: string | undefined): string | undefined {
  try {
    const parsed = new URL(url ?? '');
    if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(parsed.hostname)))
      return parsed.origin;
  } catch {
    // not a URL: not fillable
  }
  return undefined;
}

/** Does this sender hold this ticket? (Pure: unit-tested with forged senders.) */
export function ticketAdmits(ticket: FillTicket | undefined, sender: Runtime.MessageSender, now = Date.now()): boolean {
  return Boolean(
    ticket &&
    ticket.until > now &&
    sender.tab?.id === ticket.tabId &&
    (sender.frameId ?? 0) === ticket.frameId &&
    fillableOrigin(sender.url) === ticket.origin,
  );
}

type Tickets = Record<string, FillTicket>;

export async function issueTicket(ticket: Omit<FillTicket, 'until'>, now = Date.now()): Promise<string> {
  const id = newId();
  await withLock(KEY, async () => {
    const all = ((await session.get<Tickets>(KEY)) ?? {}) as Tickets;
    const live = Object.fromEntries(Object.entries(all).filter(([, entry]) => entry.until > now));
    await session.set({ [KEY]: { ...live, [id]: { ...ticket, until: now + TICKET_TTL_MS } } });
  });
  return id;
}

/** Take a ticket out (a ticket fills once), returning it if it was there. */
export function takeTicket(id: string): Promise<FillTicket | undefined> {
  return withLock(KEY, async () => {
    const all = ((await session.get<Tickets>(KEY)) ?? {}) as Tickets;
    const ticket = Object.prototype.hasOwnProperty.call(all, id) ? all[id] : undefined;
    if (ticket) {
      delete all[id];
      await session.set({ [KEY]: all });
    }
    return ticket;
  });
}
