/** How targets are probed; `upstream.healthCheck` in the configuration. */
export interface HealthCheckOptions {
  readonly enabled: boolean;
  readonly path: string;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
}

/** One probe of a target: resolves to whether it passed. A rejection counts as a failed probe. */
export type HealthProbe = () => Promise<boolean>;

/**
 * Active health checks of one target. A target starts healthy; `unhealthyThreshold` failed probes in a row
 * take it out, `healthyThreshold` passed probes in a row bring it back. Probes run one at a time, every
 * `intervalMs` once started, on a timer that does not keep the process alive.
 * @example const checker = new HealthChecker(options, probe); checker.start(); ...; checker.stop();
 */
export class HealthChecker {
  readonly #options: HealthCheckOptions;
  readonly #probe: HealthProbe;
  #healthy = true;
  #passed = 0;
  #failed = 0;
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor(options: HealthCheckOptions, probe: HealthProbe) {
    this.#options = options;
    this.#probe = probe;
  }

  get healthy(): boolean {
    return this.#healthy;
  }

  /** Counts one probe result; returns true when it changed the target's health. */
  observe(passed: boolean): boolean {
    if (passed) {
      this.#failed = 0;
      this.#passed++;
      if (this.#healthy || this.#passed < this.#options.healthyThreshold) return false;
      this.#healthy = true;
      return true;
    }
    this.#passed = 0;
    this.#failed++;
    if (!this.#healthy || this.#failed < this.#options.unhealthyThreshold) return false;
    this.#healthy = false;
    return true;
  }

  /** Probes once now and counts the result. */
  async check(): Promise<void> {
    let passed = false;
    try {
      passed = await this.#probe();
    } catch {
      passed = false;
    }
    this.observe(passed);
  }

  /** Starts probing every `intervalMs`. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule();
  }

  /** Stops probing; a probe under way still ends. */
  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      void this.check().then(() => {
        if (this.#running) this.#schedule();
      });
    }, this.#options.intervalMs);
    this.#timer.unref();
  }
}
