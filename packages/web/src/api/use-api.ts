// useApi(path, query): load JSON for a page, with loading/error state and reload(); null path = skip.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from './client.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally (after a save that returned the new value). */
  setData: (d: T) => void;
}

export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState<boolean>(path !== null);
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return undefined;
    }
    const ctrl = new AbortController();
    if (lastKey.current !== key) {
      setData(undefined);
      lastKey.current = key;
    }
    setLoading(true);
    setError(undefined);
    api
      .get<T>(path, query, ctrl.signal)
      .then((d) => {
        setData(d);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') {
          return;
        }
        setError(e);
        setLoading(false);
      });
    return () => ctrl.abort();
    // key captures path + query; tick forces a reload
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}
