/** Median and scaled median absolute deviation of a set of samples. */
export interface RobustStats {
  readonly median: number;
  /** 1.4826 × MAD: the standard deviation, for normal data, without the pull of outliers. */
  readonly scale: number;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A running baseline of one feature: the last `capacity` samples in a ring, and their median and MAD,
 * computed when asked after a change. Samples come once per doubling of a client's requests, so sorting a
 * few hundred numbers then is cheap.
 */
export class RobustBaseline {
  readonly capacity: number;
  readonly #samples: number[] = [];
  #next = 0;
  #stats: RobustStats | undefined;

  constructor(capacity = 256, samples: readonly number[] = []) {
    this.capacity = capacity;
    for (const sample of samples.slice(-capacity)) if (Number.isFinite(sample)) this.#samples.push(sample);
  }

  get size(): number {
    return this.#samples.length;
  }

  add(sample: number): void {
    if (!Number.isFinite(sample)) return;
    if (this.#samples.length < this.capacity) this.#samples.push(sample);
    else {
      this.#samples[this.#next] = sample;
      this.#next = (this.#next + 1) % this.capacity;
    }
    this.#stats = undefined;
  }

  stats(): RobustStats {
    if (this.#stats === undefined) {
      const sorted = [...this.#samples].sort((a, b) => a - b);
      const center = sorted.length === 0 ? 0 : median(sorted);
      const deviations = sorted.map((x) => Math.abs(x - center)).sort((a, b) => a - b);
      this.#stats = { median: center, scale: deviations.length === 0 ? 0 : 1.4826 * median(deviations) };
    }
    return this.#stats;
  }

  /** The samples oldest first, to keep across restarts. */
  samples(): number[] {
    return [...this.#samples.slice(this.#next), ...this.#samples.slice(0, this.#next)];
  }
}
