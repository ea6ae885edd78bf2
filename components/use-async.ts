import { useCallback, useEffect, useRef, useState } from 'react';
import { KeyholdError } from '@/utils/errors';

/** Load data through the protocol and reload on demand or on an interval. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[] = [], intervalMs?: number) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    try {
      setData(await loadRef.current());
      setError(undefined);
    } catch (caught) {
      setError(errorText(caught));
    }
  }, []);
  useEffect(() => {
    void reload();
    if (!intervalMs) return;
    const timer = setInterval(() => void reload(), intervalMs);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, error, reload, setData };
}

export function errorText(error: unknown): string {
  if (error instanceof KeyholdError) return error.message;
  return 'Something went wrong; nothing was changed.';
}
