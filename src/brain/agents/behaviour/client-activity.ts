import type { BehaviourFeatures, SecurityEvent } from '../../../core/index.js';

const MAX_PATHS = 64;
const MAX_IDENTITIES = 16;
// A rate over a few seconds says little: spans under this count as this long.
const MIN_SPAN_MS = 10_000;

/**
 * One client's requests as running sums, in bounded memory: counts, distinct paths and identities (capped,
 * so that they saturate rather than grow), and the mean and variance of the times between requests by
 * Welford's method.
 */
export class ClientActivity {
  requests = 0;
  errors = 0;
  readonly first: number;
  last: number;
  /** Requests at the last evaluation, and the score and time of the last signal. */
  evaluatedAt = 0;
  sampledAt = 0;
  signalScore = 0;
  signalTime = Number.NEGATIVE_INFINITY;
  readonly #paths = new Set<string>();
  readonly #fingerprints = new Set<string>();
  readonly #userAgents = new Set<string>();
  #gaps = 0;
  #gapMean = 0;
  #gapM2 = 0;

  constructor(time: number) {
    this.first = time;
    this.last = time;
  }

  observe(event: SecurityEvent): void {
    if (this.requests > 0) {
      const gap = Math.max(0, event.time - this.last);
      this.#gaps++;
      const delta = gap - this.#gapMean;
      this.#gapMean += delta / this.#gaps;
      this.#gapM2 += delta * (gap - this.#gapMean);
    }
    this.requests++;
    this.last = Math.max(this.last, event.time);
    if (event.response.status >= 400) this.errors++;
    if (this.#paths.size < MAX_PATHS) this.#paths.add(event.request.path.slice(0, 256));
    const { fingerprint, userAgent } = event.client;
    if (fingerprint !== '' && this.#fingerprints.size < MAX_IDENTITIES) this.#fingerprints.add(fingerprint);
    if (this.#userAgents.size < MAX_IDENTITIES) this.#userAgents.add(userAgent.slice(0, 256));
  }

  features(): BehaviourFeatures {
    const span = Math.max(MIN_SPAN_MS, this.last - this.first);
    const sd = this.#gaps > 1 ? Math.sqrt(this.#gapM2 / (this.#gaps - 1)) : 0;
    return {
      requests: this.requests,
      rate: (this.requests * 60_000) / span,
      errorRatio: this.requests === 0 ? 0 : this.errors / this.requests,
      distinctPaths: this.#paths.size,
      // Every request in the same millisecond: as regular as can be.
      timingCv: this.#gapMean > 0 ? sd / this.#gapMean : 0,
      fingerprints: Math.max(this.#fingerprints.size, this.#userAgents.size),
    };
  }
}
