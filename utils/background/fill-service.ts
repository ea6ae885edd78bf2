// The background's whole part in the destination fill: check the gesture, the tab and its origin,
// inject the fill script (its own bundle, /fill-page.js) with the credentials' metadata, and, when
// that script presents its ticket, open the one credential and hand over the values of the fields
// the admin chose. Field matching and value shaping stay in the injected script (utils/fill).
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { KeyholdError } from '../errors';
import type { PayloadOf, ReplyDataMap } from '../protocol';
import type { FillCandidate, FillStart } from '../fill/types';
import { appendAudit } from './audit';
import { listSummaries, openRecord } from './credential-store';
import { fillableOrigin, issueTicket, takeTicket, ticketAdmits } from './fill-gate';
import { recordUse } from './used-by';
import { vaultStatus } from './vault-service';
import { t } from '../i18n/translate';

/** Start a fill on a tab the admin pointed at (popup button, context menu, keyboard command). */
export async function startFill(tabId: number, frameId = 0, frameUrl?: string): Promise<ReplyDataMap['fill.start']> {
  const url = frameUrl ?? (await browser.tabs.get(tabId)).url;
  // No URL: the browser has not granted this tab (activeTab comes only with the admin's gesture).
  if (!url) throw noGrant();
  const origin = fillableOrigin(url);
  if (!origin) throw new KeyholdError('INVALID_INPUT', t('bg.fill.httpsOnly'));
  const locked = (await vaultStatus()).state !== 'unlocked';
  const start: FillStart = { origin, candidates: [], ...(locked ? { locked: true } : {}) };
  if (!locked) {
    start.ticket = await issueTicket({ tabId, frameId, origin });
    start.candidates = (await listSummaries())
      .filter((c) => !c.corrupted)
      .map((c): FillCandidate => {
        const here = c.usedBy?.find((entry) => entry.origin === origin);
        return {
          id: c.id,
          label: c.label,
          vendor: c.vendor,
          vendorName: c.vendorName,
          fields: c.fields,
          capturedAt: c.capturedAt,
          ...(c.expiresAt ? { expiresAt: c.expiresAt } : {}),
          ...(c.rotatedAt ? { rotatedAt: c.rotatedAt } : {}),
          ...(c.lastTest ? { ok: c.lastTest.ok, testedAt: c.lastTest.testedAt } : {}),
          ...(here ? { filledHere: here.at } : {}),
        };
      });
  }
  const target = { tabId, frameIds: [frameId] };
  // Without the gesture's activeTab grant the browser refuses: say how to give it.
  await browser.scripting.executeScript({ target, files: ['/fill-page.js' as never] }).catch(() => {
    throw noGrant();
  });
  await browser.scripting.executeScript({
    target,
    func: (args: FillStart) => (globalThis as { __keyholdFill?: (start: FillStart) => void }).__keyholdFill?.(args),
    args: [start],
  });
  return { origin, ...(locked ? { locked: true as const } : {}) };
}

const noGrant = () => new KeyholdError('HOST_PERMISSION_REQUIRED', t('bg.fill.noGrant'));

/** The injected script asks for the chosen fields' values, once, with its ticket. */
export async function fillValues(
  { ticket, id, fields }: PayloadOf<'fill.values'>,
  sender: Runtime.MessageSender,
): Promise<ReplyDataMap['fill.values']> {
  const held = await takeTicket(ticket);
  if (!held || !ticketAdmits(held, sender)) throw new KeyholdError('FORBIDDEN_SENDER', t('bg.fill.onceOnly'));
  const { record, values } = await openRecord(id);
  const picked = Object.fromEntries(fields.filter((name) => name in values).map((name) => [name, values[name]]));
  await appendAudit({
    event: 'filled',
    label: record.label,
    vendor: record.vendor,
    detail: `${held.origin} (${Object.keys(picked).join(', ')})`,
  });
  await recordUse(id, held.origin, Object.keys(picked));
  return { values: picked };
}
