/** One probe request's outcome. */
export interface ProbeSample {
  /** When it ended, in ms on the runner's clock. */
  readonly at: number;
  /** A 2xx or 3xx answer. */
  readonly ok: boolean;
  /** From sending to the end of the answer (or the failure). */
  readonly ms: number;
  /** `200`, `503`, `timeout`, `ECONNRESET`... */
  readonly outcome: string;
}

/** What the samples in a window add up to. */
export interface WindowFigures {
  readonly windowMs: number;
  readonly requests: number;
  readonly errors: number;
  /** Errors as a percentage of requests; 0 with no requests. */
  readonly errorPercent: number;
  /** The 99th percentile latency, nearest rank; 0 with no requests. */
  readonly p99Ms: number;
  /** Requests by outcome. */
  readonly outcomes: Readonly<Record<string, number>>;
}

// Enough for the highest probe rate over the longest window; past it the oldest samples go first.
const MAX_SAMPLES = 200_000;

/**
 * The probe samples of the last `windowMs`, and their figures.
 * @example const window = createSlidingWindow(5000); window.add(sample); window.figures(now).errorPercent;
 */
export function createSlidingWindow(windowMs: number) {
  let samples: ProbeSample[] = [];
  const prune = (now: number) => {
    const from = now - windowMs;
    let drop = 0;
    while (drop < samples.length && samples[drop]!.at <= from) drop++;
    if (samples.length - drop > MAX_SAMPLES) drop = samples.length - MAX_SAMPLES;
    if (drop > 0) samples = samples.slice(drop);
  };
  return {
    add(sample: ProbeSample): void {
      samples.push(sample);
      if (samples.length > MAX_SAMPLES) prune(sample.at);
    },
    figures(now: number): WindowFigures {
      prune(now);
      const outcomes: Record<string, number> = {};
      let errors = 0;
      for (const sample of samples) {
        if (!sample.ok) errors++;
        outcomes[sample.outcome] = (outcomes[sample.outcome] ?? 0) + 1;
      }
      const requests = samples.length;
      return {
        windowMs,
        requests,
        errors,
        errorPercent: requests === 0 ? 0 : (errors / requests) * 100,
        p99Ms: percentile(
          samples.map((s) => s.ms),
          99,
        ),
        outcomes,
      };
    },
  };
}

/** The nearest-rank percentile of some values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
