/** A rate for deliveries: bursts of `burst`, then `perMinute` on average. */
export interface DeliveryRate {
  /** Deliveries allowed at once after a quiet time (the bucket's size). */
  readonly burst: number;
  /** Deliveries a minute once the burst is spent (the refill rate). */
  readonly perMinute: number;
}

/**
 * One token bucket: full at start, one token per delivery, refilled at `perMinute`.
 * @example const bucket = new TokenBucket({ burst: 5, perMinute: 10 }, Date.now()); bucket.take(Date.now())
 */
export class TokenBucket {
  readonly #burst: number;
  readonly #perMs: number;
  #tokens: number;
  #at: number;

  constructor(rate: DeliveryRate, now: number) {
    if (!(rate.burst >= 1) || !(rate.perMinute > 0) || !Number.isFinite(rate.burst + rate.perMinute))
      throw new TypeError('brain.alerts: a rate needs burst of at least 1 and perMinute above 0');
    this.#burst = rate.burst;
    this.#perMs = rate.perMinute / 60_000;
    this.#tokens = rate.burst;
    this.#at = now;
  }

  /** Whether a token is there at `now`, without taking it. */
  has(now: number): boolean {
    this.#refill(now);
    return this.#tokens >= 1;
  }

  /** Takes a token if there is one; false when the bucket is empty. */
  take(now: number): boolean {
    if (!this.has(now)) return false;
    this.#tokens -= 1;
    return true;
  }

  #refill(now: number): void {
    if (now <= this.#at) return;
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#at) * this.#perMs);
    this.#at = now;
  }
}
