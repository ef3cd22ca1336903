/** How a shared counter counts: the same algorithms as the gateway's own counters. */
export interface RateCounterRule {
  readonly name: string;
  readonly algorithm: 'sliding-window' | 'token-bucket';
  readonly limit: number;
  readonly windowMs: number;
}

/** One request counted against one rule for one key. */
export interface RateTake {
  readonly rule: RateCounterRule;
  readonly key: string;
}

/** A shared counter's answer, as a local counter gives it. */
export interface RateCount {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Milliseconds until the counter is back to full (or, when refused, until one more is allowed). */
  readonly resetMs: number;
}

/**
 * Port: rate-limit counters shared by every gateway of a cluster, so that a limit holds across all of them.
 * Each take is atomic; a request's takes go to the server in one round trip.
 */
export interface RateCounterStore {
  /** Counts one request in each take at `now` (epoch ms) and answers in the same order. */
  take(takes: readonly RateTake[], now: number): Promise<RateCount[]>;
  close(): Promise<void>;
}
