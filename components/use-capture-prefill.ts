import { useCallback, useEffect, useState } from 'react';
import { sendMessage, type CapturePrefill } from '@/utils/protocol';
import { useChanged } from './use-keyhold-data';

/**
 * What the "Save to Keyhold" fallback (context menu, shortcut) could not finish alone: read once
 * when the panel opens, and again whenever the "changed" signal says one is waiting (area
 * 'prefill'; the signal carries no value) or the panel regains focus.
 */
export function useCapturePrefill(tabId: () => Promise<number | undefined>): [CapturePrefill | null, () => void] {
  const [prefill, setPrefill] = useState<CapturePrefill | null>(null);
  const take = useCallback(
    () =>
      void tabId()
        .then((id) => sendMessage('capture.prefill', id === undefined ? {} : { tabId: id }))
        .then((found) => found && setPrefill(found))
        .catch(() => undefined),
    [tabId],
  );
  useEffect(take, [take]);
  useChanged(['prefill'], take);
  return [prefill, () => setPrefill(null)];
}
