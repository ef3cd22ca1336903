import { holtWinters } from './holt-winters.js';
import type { SmoothingModel, SmoothingParameters } from './smoothing-model.js';

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
const BETAS = [0, 0.01, 0.05, 0.1, 0.2];
const GAMMAS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.5];

/**
 * Holt-Winters with the weights, from a coarse grid (210 sets), that make the smallest one-step error in
 * sample; a weight given in `fixed` is kept as given. Cost: one pass over the series per set.
 * @example fitHoltWinters(requestsPerBucket, 288).predict(1)
 */
export function fitHoltWinters(
  values: readonly number[],
  period: number,
  fixed: Partial<SmoothingParameters> = {},
): SmoothingModel {
  let best: SmoothingModel | undefined;
  for (const alpha of fixed.alpha === undefined ? ALPHAS : [fixed.alpha])
    for (const beta of fixed.beta === undefined ? BETAS : [fixed.beta])
      for (const gamma of fixed.gamma === undefined ? GAMMAS : [fixed.gamma]) {
        const model = holtWinters(values, period, { alpha, beta, gamma });
        if (best === undefined || model.sse < best.sse) best = model;
      }
  return best!;
}
