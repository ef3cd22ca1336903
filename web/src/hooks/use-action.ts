import { useCallback, useState } from 'react';

/** An action a person starts (a button, a form), with its busy, error and result states. */
export interface Action<A extends unknown[], R> {
  /** Runs the action; resolves to whether it succeeded (its error or result is kept for display). */
  run(...args: A): Promise<boolean>;
  readonly busy: boolean;
  readonly error: unknown;
  /** What the last successful run resolved to. */
  readonly result: R | undefined;
  /** Forgets the error and the result. */
  reset(): void;
}

/**
 * Wraps an async function for a button or a form: its busy state, its error and its result kept for display.
 * @example const remove = useAction(deleteDecision); <button disabled={remove.busy} onClick={() => remove.run(id)}>
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [state, setState] = useState<{ busy: boolean; error?: unknown; result?: R }>({ busy: false });
  const run = useCallback(
    async (...args: A) => {
      setState({ busy: true });
      try {
        const result = await fn(...args);
        setState({ busy: false, result });
        return true;
      } catch (error) {
        setState({ busy: false, error });
        return false;
      }
    },
    [fn],
  );
  const reset = useCallback(() => setState({ busy: false }), []);
  return { run, busy: state.busy, error: state.error, result: state.result, reset };
}
