import { useCallback, useEffect, useRef, useState } from 'react';

/** Data loaded from the API, with its loading and error states. */
export interface ApiData<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** Loads again, keeping what is shown until the answer comes. */
  reload(): void;
}

/**
 * Loads data with `load` (memoize it with useCallback: a new function loads anew), and again every
 * `refreshMs` when given. An answer that comes after `load` changed is dropped.
 * @example const decisions = useApiData(listDecisions);
 */
export function useApiData<T>(load: () => Promise<T>, refreshMs?: number): ApiData<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const run = useRef<() => void>(() => undefined);

  useEffect(() => {
    let current = true;
    setState({ loading: true });
    run.current = () => {
      setState((s) => ({ ...s, loading: true }));
      load().then(
        (data) => current && setState({ data, loading: false }),
        (error: unknown) => current && setState((s) => ({ data: s.data, error, loading: false })),
      );
    };
    run.current();
    const timer = refreshMs === undefined ? undefined : setInterval(() => run.current(), refreshMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [load, refreshMs]);

  const reload = useCallback(() => run.current(), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
