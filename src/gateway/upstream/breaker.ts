import { RollingWindow } from './rolling-window.js';

/** The breaker's states, as metrics and the gateway's state show them. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** When a breaker opens and how long it stays open; `upstream.breaker` in the configuration. */
export interface BreakerOptions {
  readonly enabled: boolean;
  readonly consecutiveFailures: number;
  readonly failureRatio: number;
  readonly windowMs: number;
  readonly minRequests: number;
  readonly openMs: number;
}

const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;
const NAMES: readonly BreakerState[] = ['closed', 'open', 'half-open'];

/**
 * A circuit breaker for one target. Closed: requests pass, failures are counted. Open, after
 * `consecutiveFailures` failures in a row or a `failureRatio` of them over `windowMs`: nothing passes until
 * `openMs` are over. Half-open: one probe passes; its success closes the breaker, its failure opens it
 * again. Times are a monotonic clock in ms, passed in by the caller (no timers).
 * @example if (breaker.canPass(now)) { const probe = breaker.enter(now); ...; breaker.success(probe) }
 */
export class Breaker {
  readonly #options: BreakerOptions;
  readonly #window: RollingWindow;
  #state = CLOSED;
  #consecutive = 0;
  #openUntil = 0;
  #probing = false;

  constructor(options: BreakerOptions) {
    this.#options = options;
    this.#window = new RollingWindow(options.windowMs);
  }

  get state(): BreakerState {
    return NAMES[this.#state]!;
  }

  /** True when the breaker is closed: requests pass without being probes. */
  get closed(): boolean {
    return this.#state === CLOSED;
  }

  /** When an open breaker lets a probe through (monotonic ms); 0 when it is not open. */
  get openUntil(): number {
    return this.#state === OPEN ? this.#openUntil : 0;
  }

  /** Whether a request may pass at `now`: closed, or a probe slot is free. Changes nothing. */
  canPass(now: number): boolean {
    if (this.#state === CLOSED) return true;
    if (this.#probing) return false;
    return this.#state === HALF_OPEN || now >= this.#openUntil;
  }

  /** Lets a request pass; returns true when it is the probe of a half-open breaker. Call after canPass. */
  enter(now: number): boolean {
    if (this.#state === CLOSED) return false;
    if (this.#state === OPEN && now >= this.#openUntil) this.#state = HALF_OPEN;
    this.#probing = true;
    return true;
  }

  /** The request answered well. */
  success(probe: boolean, now: number): void {
    if (probe) {
      this.#close();
      return;
    }
    if (this.#state !== CLOSED || !this.#options.enabled) return;
    this.#consecutive = 0;
    this.#window.record(false, now);
  }

  /** The request failed on the target's side. */
  failure(probe: boolean, now: number): void {
    if (probe) {
      this.#open(now);
      return;
    }
    // Requests let through before the breaker opened say nothing about the target now.
    if (this.#state !== CLOSED || !this.#options.enabled) return;
    this.#consecutive++;
    this.#window.record(true, now);
    const { consecutiveFailures, failureRatio, minRequests } = this.#options;
    const window = this.#window;
    if (
      this.#consecutive >= consecutiveFailures ||
      (window.total >= minRequests && window.failures >= failureRatio * window.total)
    )
      this.#open(now);
  }

  /** The request ended without telling anything (the client left): a probe slot is given back. */
  release(probe: boolean): void {
    if (probe) this.#probing = false;
  }

  #open(now: number): void {
    this.#state = OPEN;
    this.#openUntil = now + this.#options.openMs;
    this.#probing = false;
    this.#consecutive = 0;
    this.#window.reset();
  }

  #close(): void {
    this.#state = CLOSED;
    this.#probing = false;
    this.#consecutive = 0;
    this.#window.reset();
  }
}
