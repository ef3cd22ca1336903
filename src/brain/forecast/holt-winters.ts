import type { SmoothingModel, SmoothingParameters } from './smoothing-model.js';

/** Seasons a series needs at least for Holt-Winters: one to learn the season, one to learn the trend. */
export const MIN_SEASONS = 2;

const mean = (values: readonly number[], from: number, to: number) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
};

/**
 * Additive Holt-Winters: level, trend and a season of `period` steps, started from the complete seasons (the
 * trend from the first to the last season's mean, the season from each value's distance to its season's
 * trend line), then smoothed over every value. One-step errors of the first season are left out of `sse`:
 * the start saw them. The h-step error variance is σ²(1 + Σ_{j<h} c_j²), c_j = α(1 + jβ) + γ(1 − α)·[m | j].
 * @example holtWinters(requestsPerBucket, 288, { alpha: 0.3, beta: 0.01, gamma: 0.2 }).predict(12)
 */
export function holtWinters(
  values: readonly number[],
  period: number,
  parameters: SmoothingParameters,
): SmoothingModel {
  const m = period;
  const n = values.length;
  const seasons = Math.floor(n / m);
  if (!Number.isInteger(m) || m < 2 || seasons < MIN_SEASONS)
    throw new RangeError(`forecast: Holt-Winters needs ${MIN_SEASONS} seasons of a period of 2 or more`);
  const { alpha, beta, gamma } = parameters;
  const means = Array.from({ length: seasons }, (_, k) => mean(values, k * m, (k + 1) * m));
  let trend = (means[seasons - 1]! - means[0]!) / ((seasons - 1) * m);
  // The first season's mean is the level at its middle; step back to just before the first value.
  let level = means[0]! - (trend * (m + 1)) / 2;
  const season = Array.from({ length: m }, (_, i) => {
    let sum = 0;
    for (let k = 0; k < seasons; k++) sum += values[k * m + i]! - (means[k]! + trend * (i - (m - 1) / 2));
    return sum / seasons;
  });
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const x = values[t]!;
    const s = season[t % m]!;
    const error = x - (level + trend + s);
    if (t >= m) sse += error * error;
    const next = alpha * (x - s) + (1 - alpha) * (level + trend);
    trend = beta * (next - level) + (1 - beta) * trend;
    season[t % m] = gamma * (x - next) + (1 - gamma) * s;
    level = next;
  }
  const sigma = Math.sqrt(sse / (n - m));
  // Running sums of c_j², extended as far as asked.
  const sums = [0];
  return {
    method: 'holt-winters',
    parameters,
    sse,
    sigma,
    predict: (h) => level + h * trend + season[(n - 1 + h) % m]!,
    spread(h) {
      for (let j = sums.length; j < h; j++) {
        const c = alpha * (1 + j * beta) + (j % m === 0 ? gamma * (1 - alpha) : 0);
        sums.push(sums[j - 1]! + c * c);
      }
      return sigma * Math.sqrt(1 + sums[h - 1]!);
    },
  };
}
