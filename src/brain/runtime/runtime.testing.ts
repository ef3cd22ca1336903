/**
 * Waits until `done()` holds, checking every few milliseconds, and fails after `maxMs`: for what a runtime
 * does on its own timers (restarts after a backoff).
 */
export async function until(done: () => boolean, what: string, maxMs = 5000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${maxMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
