import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type CapturePrefill } from '@/utils/protocol';

/** Broadcast by the background when the "Save to Keyhold" fallback left a prefill (no value in it). */
const PREFILL_READY = 'keyhold.prefillReady';

/**
 * What the "Save to Keyhold" fallback (context menu, shortcut) could not finish alone: read once
 * when the panel opens and again whenever the background says one is waiting.
 */
export function useCapturePrefill(tabId: () => Promise<number | undefined>): [CapturePrefill | null, () => void] {
  const [prefill, setPrefill] = useState<CapturePrefill | null>(null);
  useEffect(() => {
    const take = () =>
      void tabId()
        .then((id) => sendMessage('capture.prefill', id === undefined ? {} : { tabId: id }))
        .then((found) => found && setPrefill(found))
        .catch(() => undefined);
    const onMessage = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === PREFILL_READY) take();
    };
    take();
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);
  return [prefill, () => setPrefill(null)];
}
