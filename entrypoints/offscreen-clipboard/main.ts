import { browser } from 'wxt/browser';
import { writeEmptyClipboard } from '@/utils/clipboard';
import { localizeDocument } from '@/components/format';
import { t } from '@/utils/i18n/translate';

localizeDocument(t('page.title.clipboard'));

// Offscreen document (Chrome): its only job is to empty the clipboard when the worker asks.
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id || (message as { type?: string })?.type !== 'offscreen.clearClipboard') return undefined;
  writeEmptyClipboard(document);
  return Promise.resolve(true);
});
