import { Breaker, type BreakerOptions, type BreakerState } from './breaker.js';
import { HealthChecker, type HealthCheckOptions, type HealthProbe } from './health-checker.js';
import { OutlierDetector, type OutlierOptions } from './outlier-detector.js';

/** What guards a target; the `healthCheck`, `outlier` and `breaker` sections of an upstream. */
export interface TargetOptions {
  readonly healthCheck: HealthCheckOptions;
  readonly outlier: OutlierOptions;
  readonly breaker: BreakerOptions;
}

/** One target as the gateway's state and metrics show it. */
export interface TargetStats {
  readonly origin: string;
  /** False while active health checks hold the target out. */
  readonly healthy: boolean;
  /** True while outlier detection holds the target out. */
  readonly ejected: boolean;
  readonly breaker: BreakerState;
  readonly inFlight: number;
  /** Times the breaker opened, and times the target was ejected, since it was first configured. */
  readonly opened: number;
  readonly ejections: number;
}

/** Starts the probe of a target's health checks, or leaves checks off; its `close` ends the probe. */
export type ProbeFactory = (
  origin: string,
  options: HealthCheckOptions,
) => { probe: HealthProbe; close(): void };

/**
 * The state of one upstream target: requests in flight, health, ejection and breaker. Kept across reloads
 * while the target's origin and options stay the same. Times are a monotonic clock in ms.
 * @example if (target.ready(now)) { target.inFlight++; ... target.answered(200, false, now); }
 */
export class Target {
  readonly origin: string;
  /** Requests under way to this target (least-connections balancing reads it). */
  inFlight = 0;
  readonly #breaker: Breaker;
  readonly #outlier: OutlierDetector;
  readonly #checks: TargetOptions['healthCheck'];
  readonly #probeFor: ProbeFactory;
  #checker: HealthChecker | undefined;
  #closeProbe: (() => void) | undefined;
  #opened = 0;
  #ejections = 0;

  constructor(origin: string, options: TargetOptions, probeFor: ProbeFactory) {
    this.origin = origin;
    this.#breaker = new Breaker(options.breaker);
    this.#outlier = new OutlierDetector(options.outlier);
    this.#checks = options.healthCheck;
    this.#probeFor = probeFor;
  }

  /** Whether requests may go here at `now`: healthy, not ejected, breaker closed. */
  ready(now: number): boolean {
    return this.#breaker.closed && this.#up(now);
  }

  /** Whether a probe may go here at `now`: healthy, not ejected, breaker open or half-open with a free slot. */
  probeable(now: number): boolean {
    return !this.#breaker.closed && this.#breaker.canPass(now) && this.#up(now);
  }

  /** A request goes here; returns true when it is the breaker's probe. */
  enter(now: number): boolean {
    this.inFlight++;
    return this.#breaker.enter(now);
  }

  /**
   * The target answered with `status`. A 502, 503 or 504 counts against the breaker; any 5xx toward
   * ejection. Returns true when the run of failures calls for an ejection (see `eject`).
   */
  answered(status: number, probe: boolean, now: number): boolean {
    if (status >= 502 && status <= 504) this.#breakerFailure(probe, now);
    else this.#breaker.success(probe, now);
    if (status < 500) {
      this.#outlier.success();
      return false;
    }
    return this.#outlier.failure(now);
  }

  /** The target gave no answer (refused, reset, timed out). Returns true when an ejection is due. */
  failed(probe: boolean, now: number): boolean {
    this.#breakerFailure(probe, now);
    return this.#outlier.failure(now);
  }

  /** The exchange ended for a reason that says nothing about the target (the client left). */
  released(probe: boolean): void {
    this.#breaker.release(probe);
  }

  /** A request that entered is over. */
  leave(): void {
    this.inFlight--;
  }

  /** Holds the target out for its next ejection period. */
  eject(now: number): void {
    this.#outlier.eject(now);
    this.#ejections++;
  }

  /** When this target could take requests again, if it is held out (monotonic ms); 0 when it is not. */
  backAt(now: number): number {
    const ejected = this.#outlier.ejected(now) ? this.#outlier.until : 0;
    return Math.max(ejected, this.#breaker.openUntil);
  }

  /** Starts the health checks, when they are on; again does nothing. */
  activate(): void {
    if (!this.#checks.enabled || this.#checker !== undefined) return;
    const { probe, close } = this.#probeFor(this.origin, this.#checks);
    this.#checker = new HealthChecker(this.#checks, probe);
    this.#closeProbe = close;
    this.#checker.start();
  }

  /** Probes once now, when health checks are on (they also run on their own once activated). */
  async checkHealth(): Promise<void> {
    await this.#checker?.check();
  }

  /** Stops the health checks for good. */
  retire(): void {
    this.#checker?.stop();
    this.#closeProbe?.();
    this.#closeProbe = undefined;
  }

  stats(now: number): TargetStats {
    return {
      origin: this.origin,
      healthy: this.#checker?.healthy ?? true,
      ejected: this.#outlier.ejected(now),
      breaker: this.#breaker.state,
      inFlight: this.inFlight,
      opened: this.#opened,
      ejections: this.#ejections,
    };
  }

  #up(now: number): boolean {
    return (this.#checker === undefined || this.#checker.healthy) && !this.#outlier.ejected(now);
  }

  #breakerFailure(probe: boolean, now: number): void {
    const before = this.#breaker.openUntil;
    this.#breaker.failure(probe, now);
    if (this.#breaker.openUntil > before) this.#opened++;
  }
}
