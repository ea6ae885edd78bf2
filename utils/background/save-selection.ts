// The "Save to Keyhold" fallback behind the context menu and the keyboard shortcut: the value the
// admin selected (or the field right-clicked) is classified by its format and the tab's console,
// joined with what the page showed (the content script's recognisers and remembered non-secret
// values) and the console's context (server URL, region, API URL), then saved through the same
// capture path as the in-page button. A part still missing: the side panel asks only for it.
import type { Tabs } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { KeyholdError } from '../errors';
import { readPolicy } from '../policy/policy';
import type { CredentialTypeId, ReplyDataMap } from '../protocol';
import { classifyValue } from '../capture/value-formats';
import { PAGE_VALUES_REQUEST, type PageValues } from '../capture/page-values-message';
import { detectConsole, getCredentialType, vendorModules } from '../vendors/registry';
import type { ConsoleMatch } from '../vendors/types';
import { savePrefill } from './capture-prefill';
import { handlers } from './handlers';
import { notify } from './notify';
import { isEnabledSite } from './sites';
import { t } from '../i18n/translate';

type Tab = Tabs.Tab;

export interface SelectionRequest {
  tab: Tab;
  frameId?: number;
  /** From the context menu; absent for the shortcut (the page is asked). */
  selectionText?: string;
}

export type SelectionOutcome =
  { saved: ReplyDataMap['capture.submit'] } | { asked: string[]; vendor: CredentialTypeId } | { refused: string };

const NOTE_ID = 'keyhold-save-selection';

/** The console of a tab's page: a fixed vendor host, or a self-hosted origin the admin enabled. */
export async function consoleOfPage(url: URL): Promise<ConsoleMatch | null> {
  const fixed = detectConsole(url);
  if (fixed) return fixed.match;
  if (url.protocol !== 'https:' || !(await isEnabledSite(url))) return null;
  for (const vendor of vendorModules) {
    const match = vendor.selfHosted && vendor.console.detect(url, { selfHosted: true });
    if (match) return match;
  }
  return null;
}

export async function saveSelection(request: SelectionRequest): Promise<SelectionOutcome> {
  const outcome = await classifyAndSave(request).catch((error: unknown) => ({
    refused: error instanceof KeyholdError ? error.message : t('bg.selection.failed'),
  }));
  // Saved or asked: the side panel, opened by the same click, shows it. Refused: say why.
  if ('refused' in outcome) await notify(NOTE_ID, t('bg.notice.notSaved'), outcome.refused);
  return outcome;
}

async function classifyAndSave({ tab, frameId, selectionText }: SelectionRequest): Promise<SelectionOutcome> {
  let url: URL;
  try {
    url = new URL(tab.url ?? '');
  } catch {
    return { refused: t('bg.selection.noAddress') };
  }
  const match = await consoleOfPage(url);
  if (!match) return { refused: t('bg.selection.notConsole') };
  if ((await readPolicy()).hiddenVendors?.includes(match.consoleId)) return { refused: t('bg.selection.turnedOff') };

  const page = await askPage(tab.id, frameId);
  // The page's answer is untrusted: only strings, bounded, and only the type's own field names below.
  const str = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 20_000) : '');
  const text = str(selectionText) || str(page?.selection) || str(page?.field);
  if (!text) return { refused: t('bg.selection.empty', [t('bg.menu.save')]) };

  // The page's own recognisers name the credential type first; the value's format decides the field.
  const recognised = page?.recognised ?? [];
  const guesses = classifyValue(text, match.consoleId);
  const guess = guesses.find((g) => recognised.some((r) => r.type === g.type)) ?? guesses[0];
  const consoleTypes = vendorModules.find((v) => v.console.id === match.consoleId)?.credentialTypes ?? [];
  const type = guess ? getCredentialType(guess.type) : consoleTypes[0];
  if (!type) return { refused: t('bg.selection.unknownType') };

  const names = new Set(type.fields.map((f) => f.name));
  const values: Record<string, string> = {};
  for (const [name, hint] of Object.entries(match.hints ?? {})) if (names.has(name)) values[name] = hint;
  for (const [name, value] of Object.entries(recognised.find((r) => r.type === type.id)?.values ?? {})) {
    if (names.has(name) && str(value)) values[name] = str(value);
  }
  if (guess) values[guess.field] = text;

  // A file (Apple's .pem) is never selected text: saved without it, as the in-page button does.
  const ask = type.fields.filter((f) => !f.optional && f.input !== 'file' && !values[f.name]).map((f) => f.name);
  if (!guess || ask.length) {
    const note = guess
      ? t('bg.selection.readOne', [type.fields.find((f) => f.name === guess.field)?.label ?? guess.field])
      : t('bg.selection.unknownValue');
    await savePrefill({ tabId: tab.id, vendor: type.id, values, ask: guess ? ask : [...names], note });
    return { asked: guess ? ask : [...names], vendor: type.id };
  }
  const sender = { id: browser.runtime.id, url: url.href, tab, frameId: frameId ?? 0 };
  const saved = await handlers['capture.submit']({ vendor: type.id, values }, { sender: sender as never, kind: 'content-script' });
  return { saved };
}

async function askPage(tabId: number | undefined, frameId: number | undefined): Promise<PageValues | undefined> {
  if (tabId === undefined) return undefined;
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: PAGE_VALUES_REQUEST }, { frameId: frameId ?? 0 })) as
      PageValues | undefined;
    return reply && typeof reply === 'object' && Array.isArray(reply.recognised) ? reply : undefined;
  } catch {
    return undefined; // no content script in that frame (a page loaded before install): the selection alone
  }
}
