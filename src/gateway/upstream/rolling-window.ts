/**
 * Counts outcomes over the last `windowMs`, kept in a ring of slices. No timer: the caller passes the time
 * (a monotonic clock in ms), and slices that fell out of the window are cleared as time moves on.
 * @example const window = new RollingWindow(10_000); window.record(true, performance.now());
 */
export class RollingWindow {
  readonly #outcomes: Uint32Array;
  readonly #failures: Uint32Array;
  readonly #sliceMs: number;
  /** Absolute number of the newest slice (time / sliceMs). */
  #newest = Number.NEGATIVE_INFINITY;
  #total = 0;
  #failed = 0;

  constructor(windowMs: number, slices = 10) {
    this.#outcomes = new Uint32Array(slices);
    this.#failures = new Uint32Array(slices);
    this.#sliceMs = Math.max(1, windowMs / slices);
  }

  /** Outcomes counted in the window as of the last `record`. */
  get total(): number {
    return this.#total;
  }

  /** Failures counted in the window as of the last `record`. */
  get failures(): number {
    return this.#failed;
  }

  /** Counts one outcome at time `now`. */
  record(failed: boolean, now: number): void {
    const slice = Math.floor(now / this.#sliceMs);
    if (slice > this.#newest) this.#advance(slice);
    const i = this.#indexOf(Math.max(slice, this.#newest));
    this.#outcomes[i]!++;
    this.#total++;
    if (failed) {
      this.#failures[i]!++;
      this.#failed++;
    }
  }

  /** Forgets every outcome. */
  reset(): void {
    this.#outcomes.fill(0);
    this.#failures.fill(0);
    this.#total = 0;
    this.#failed = 0;
  }

  #advance(slice: number): void {
    const size = this.#outcomes.length;
    const gap = Math.min(slice - this.#newest, size);
    for (let k = 1; k <= gap; k++) {
      // Once the gap covers the whole ring every slice is cleared, whatever `#newest` was.
      const i = gap === size ? k - 1 : this.#indexOf(this.#newest + k);
      this.#total -= this.#outcomes[i]!;
      this.#failed -= this.#failures[i]!;
      this.#outcomes[i] = 0;
      this.#failures[i] = 0;
    }
    this.#newest = slice;
  }

  #indexOf(slice: number): number {
    const size = this.#outcomes.length;
    return ((slice % size) + size) % size;
  }
}
