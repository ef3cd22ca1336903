/** When a target is ejected and for how long; `upstream.outlier` in the configuration. */
export interface OutlierOptions {
  /** Failures in a row that eject; 0 never ejects. */
  readonly consecutiveFailures: number;
  readonly ejectMs: number;
  readonly maxEjectMs: number;
}

/**
 * Passive outlier detection for one target: failures in a row eject it for a while, each ejection in a row
 * twice as long as the one before, up to `maxEjectMs`. A target that stayed in for `maxEjectMs` since its
 * last ejection starts again from `ejectMs`. Times are a monotonic clock in ms, passed in by the caller.
 * @example if (detector.failure(now) && anotherTargetCanServe) detector.eject(now);
 */
export class OutlierDetector {
  readonly #options: OutlierOptions;
  #consecutive = 0;
  #ejections = 0;
  #until = 0;

  constructor(options: OutlierOptions) {
    this.#options = options;
  }

  /** Whether the target sits out at `now`. */
  ejected(now: number): boolean {
    return now < this.#until;
  }

  /** When the current or last ejection ends (monotonic ms); 0 before the first one. */
  get until(): number {
    return this.#until;
  }

  /** The target answered without a server error. */
  success(): void {
    this.#consecutive = 0;
  }

  /** The target failed; returns true when this completes a run long enough to eject it. */
  failure(now: number): boolean {
    if (this.#options.consecutiveFailures === 0 || now < this.#until) return false;
    this.#consecutive++;
    return this.#consecutive >= this.#options.consecutiveFailures;
  }

  /** Ejects the target from `now`. The caller decides whether it may (the last target is never ejected). */
  eject(now: number): void {
    const { ejectMs, maxEjectMs } = this.#options;
    if (now - this.#until > maxEjectMs) this.#ejections = 0;
    this.#until = now + Math.min(maxEjectMs, ejectMs * 2 ** this.#ejections);
    this.#ejections++;
    this.#consecutive = 0;
  }
}
