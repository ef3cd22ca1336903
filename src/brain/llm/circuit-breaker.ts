/** `closed`: calls go through; `open`: refused until the cool-down ends; `half-open`: one trial call allowed. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** When a breaker opens and how long it stays open. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open it. Default 3. */
  readonly failureThreshold?: number;
  /** How long it stays open before one trial call. Default 60,000 ms. */
  readonly cooldownMs?: number;
}

/** One model's breaker. */
export interface CircuitBreaker {
  /** Whether a call may go now; in half-open, true once until that trial is reported. */
  tryAcquire(now: number): boolean;
  succeeded(): void;
  failed(now: number): void;
  state(now: number): BreakerState;
  readonly consecutiveFailures: number;
}

/**
 * A breaker that opens after `failureThreshold` consecutive failures and, after `cooldownMs`, lets one trial
 * through: its success closes the breaker, its failure opens it for another cool-down. Time is passed in.
 * @example
 * const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 });
 * if (breaker.tryAcquire(Date.now())) { ... breaker.succeeded() or breaker.failed(Date.now()) }
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const threshold = options.failureThreshold ?? 3;
  const cooldownMs = options.cooldownMs ?? 60_000;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new TypeError(`brain.llm: failureThreshold must be a positive integer, not ${threshold}`);
  if (!Number.isFinite(cooldownMs) || cooldownMs < 0)
    throw new TypeError(`brain.llm: cooldownMs must be a non-negative number, not ${cooldownMs}`);
  let failures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;
  const state = (now: number): BreakerState =>
    openedAt === undefined ? 'closed' : now - openedAt >= cooldownMs ? 'half-open' : 'open';
  return {
    tryAcquire(now) {
      const current = state(now);
      if (current === 'closed') return true;
      if (current === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    succeeded() {
      failures = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    failed(now) {
      failures += 1;
      if (trialInFlight || failures >= threshold) openedAt = now;
      trialInFlight = false;
    },
    state,
    get consecutiveFailures() {
      return failures;
    },
  };
}
