// Revealed values in the shapes integrations want: .env lines, JSON, or the vendor's token call as
// curl. The page puts the text on the clipboard; the background clears it 30 s later.
import { browser } from 'wxt/browser';
import { reportFailure } from './report-failure';
import { KeyholdError } from '../errors';
import type { CredentialTypeId } from '../protocol';
import { getCredentialType } from '../vendors/registry';
import { writeEmptyClipboard } from '../clipboard';
import { oneLine } from '../untrusted-text';
import { t } from '../i18n/translate';

export const CLIPBOARD_ALARM = 'keyhold-clipboard-clear';
export const CLIPBOARD_CLEAR_SECONDS = 30;

const envName = (vendor: string, field: string) =>
  `${vendor}_${field}`
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

/** Single-quoted .env value: no interpolation, embedded quotes escaped the POSIX-shell way. */
const envValue = (value: string) => (/^[A-Za-z0-9_./:@-]*$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/** Characters JSON.stringify leaves raw that a terminal acts on (C1) or that reorder or break lines. */
const jsonUnsafe = /[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

// Whatever a stored label or value holds (old storage, an import): the label is one comment line,
// values are single-quoted, and the JSON text holds no raw control character.
export function formatValues(
  vendor: CredentialTypeId,
  label: string,
  values: Record<string, string>,
  format: 'env' | 'json' | 'curl',
): string {
  const type = getCredentialType(vendor);
  if (format === 'json') {
    return JSON.stringify({ vendor, label, ...values }, null, 2).replace(
      jsonUnsafe,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  if (format === 'env') {
    return `# ${oneLine(label)} (${type.name})\n${Object.entries(values)
      .map(([field, value]) => `${envName(vendor, field)}=${envValue(value)}`)
      .join('\n')}\n`;
  }
  if (!type.curl) throw new KeyholdError('INVALID_INPUT', t('bg.copy.noCurl', [type.name]));
  return type.curl(values as never);
}

/** Clear the clipboard in 30 s, even if the page that copied is closed by then. */
export async function scheduleClipboardClear(now = Date.now()): Promise<string> {
  await browser.alarms.create(CLIPBOARD_ALARM, { when: now + CLIPBOARD_CLEAR_SECONDS * 1000 });
  return new Date(now + CLIPBOARD_CLEAR_SECONDS * 1000).toISOString();
}

type OffscreenApi = {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
};

export async function clearClipboard(): Promise<void> {
  const offscreen = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (offscreen) {
    // Chrome: the worker has no DOM; an offscreen document does the write and is closed again.
    await offscreen
      .createDocument({ url: '/offscreen-clipboard.html', reasons: ['CLIPBOARD'], justification: 'Clear a copied secret from the clipboard after 30 seconds.' })
      .catch(() => undefined); // already open from an earlier clear: use it
    await browser.runtime.sendMessage({ type: 'offscreen.clearClipboard' }).catch(reportFailure('clipboard clear'));
    await offscreen.closeDocument().catch(() => undefined); // already closed: nothing left to close
    return;
  }
  // Firefox: the background is a page and can write to the clipboard itself.
  if (typeof document !== 'undefined') writeEmptyClipboard(document);
}
