/** When the supervisor restarts a crashed agent, and when it gives up. */
export interface RestartPolicy {
  /** Wait before the first restart; default 1,000 ms. */
  readonly initialDelayMs: number;
  /** Each further crash within the window multiplies the wait by this; default 2. */
  readonly factor: number;
  /** The longest wait; default 60,000 ms. */
  readonly maxDelayMs: number;
  /** This many crashes within `windowMs` stop the agent for good (its breaker trips); default 5. */
  readonly maxCrashes: number;
  /** Default 600,000 ms (ten minutes). */
  readonly windowMs: number;
}

/** The defaults of {@link RestartPolicy}. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = Object.freeze({
  initialDelayMs: 1000,
  factor: 2,
  maxDelayMs: 60_000,
  maxCrashes: 5,
  windowMs: 600_000,
});

/** What to do after a crash: restart after a delay, or stop for good and why. */
export type RestartVerdict =
  | { readonly restart: true; readonly delayMs: number }
  | { readonly restart: false; readonly reason: string };

/**
 * Judges a crash from the times of the crashes still within the window (this one included, oldest first):
 * the n-th gets a wait of `initialDelayMs × factor^(n-1)`, capped, until `maxCrashes` stop the agent.
 * @example restartAfter([t], policy) // { restart: true, delayMs: 1000 }
 */
export function restartAfter(crashTimes: readonly number[], policy: RestartPolicy): RestartVerdict {
  const crashes = crashTimes.length;
  if (crashes >= policy.maxCrashes)
    return {
      restart: false,
      reason: `${crashes} crashes within ${policy.windowMs} ms (limit ${policy.maxCrashes})`,
    };
  const delayMs = Math.min(
    policy.maxDelayMs,
    policy.initialDelayMs * policy.factor ** Math.max(0, crashes - 1),
  );
  return { restart: true, delayMs };
}
