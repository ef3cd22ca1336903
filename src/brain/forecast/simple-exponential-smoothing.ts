import type { SmoothingModel } from './smoothing-model.js';

/**
 * Simple exponential smoothing: a level only, each value pulling it by `alpha`; the forecast is flat. Used
 * while a series is too short for seasons. The error of an h-step forecast has variance σ²(1 + (h−1)α²).
 * @example simpleExponentialSmoothing([10, 12, 11, 13], 0.5).predict(1)
 */
export function simpleExponentialSmoothing(values: readonly number[], alpha: number): SmoothingModel {
  if (values.length === 0) throw new RangeError('forecast: no values to smooth');
  let level = values[0]!;
  let sse = 0;
  for (let t = 1; t < values.length; t++) {
    const error = values[t]! - level;
    sse += error * error;
    level += alpha * error;
  }
  const steps = values.length - 1;
  const sigma = steps > 0 ? Math.sqrt(sse / steps) : 0;
  return {
    method: 'simple',
    parameters: { alpha, beta: 0, gamma: 0 },
    sse,
    sigma,
    predict: () => level,
    spread: (h) => sigma * Math.sqrt(1 + (h - 1) * alpha * alpha),
  };
}

const ALPHAS = Array.from({ length: 19 }, (_, i) => (i + 1) * 0.05);

/**
 * Simple exponential smoothing with the `alpha` (of 0.05, 0.10 … 0.95) that makes the smallest one-step error.
 * @example fitSimpleExponentialSmoothing(requestsPerBucket).predict(1)
 */
export function fitSimpleExponentialSmoothing(values: readonly number[]): SmoothingModel {
  let best = simpleExponentialSmoothing(values, ALPHAS[0]!);
  for (const alpha of ALPHAS.slice(1)) {
    const model = simpleExponentialSmoothing(values, alpha);
    if (model.sse < best.sse) best = model;
  }
  return best;
}
