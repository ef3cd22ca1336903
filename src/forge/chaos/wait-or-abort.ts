/** Waits `ms` (forever when undefined) or until the signal; says which came first. */
export function waitOrAbort(ms: number | undefined, signal: AbortSignal): Promise<'elapsed' | 'aborted'> {
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise((resolve) => {
    const timer = ms === undefined ? undefined : setTimeout(() => done('elapsed'), ms);
    const onAbort = () => done('aborted');
    const done = (how: 'elapsed' | 'aborted') => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(how);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
