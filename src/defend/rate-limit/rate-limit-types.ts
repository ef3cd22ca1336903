/** How a rate limit counts. */
export type RateAlgorithm = 'sliding-window' | 'token-bucket';

/** What a rate limit keys its counters by. */
export type RateKey = 'ip' | 'prefix' | 'fingerprint' | 'apikey' | 'route';

/** One rate limit: at most `limit` requests per `windowMs` for each key. */
export interface RateRule {
  readonly name: string;
  readonly algorithm: RateAlgorithm;
  readonly key: RateKey;
  readonly limit: number;
  readonly windowMs: number;
  /** Path prefixes the rule counts; empty: every path. */
  readonly paths: readonly string[];
  /** Methods the rule counts; empty: every method. */
  readonly methods: readonly string[];
}

/** A counter's answer for one request. */
export interface RateOutcome {
  readonly allowed: boolean;
  readonly limit: number;
  /** Requests still allowed now. */
  readonly remaining: number;
  /** Milliseconds until the counter is back to full (or, when refused, until one more is allowed). */
  readonly resetMs: number;
}

/** A counter per key for one rule; `take` counts a request and says whether it is allowed. */
export interface RateCounter {
  take(key: string, now: number): RateOutcome;
  readonly size: number;
}
