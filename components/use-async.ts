import { useCallback, useEffect, useRef, useState } from 'react';
import { KeyholdError } from '@/utils/errors';
import { t } from '@/utils/i18n/translate';

/** Load data through the protocol once, and again on demand (see use-keyhold-data.ts for when); `initial` shows until then. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[] = [], initial?: T) {
  const [data, setData] = useState<T | undefined>(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  // Reloads can overlap (a signal and a focus at once): only the newest answer is shown.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const next = await loadRef.current();
      if (ticket !== latest.current) return;
      setData(next);
      setError(undefined);
    } catch (caught) {
      if (ticket === latest.current) setError(errorText(caught));
    }
  }, []);
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, error, reload, setData };
}

export function errorText(error: unknown): string {
  if (error instanceof KeyholdError) return error.message;
  return t('page.common.error');
}
