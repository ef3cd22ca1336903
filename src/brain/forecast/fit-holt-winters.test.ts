import { describe, expect, it } from 'vitest';
import { fitHoltWinters } from './fit-holt-winters.js';
import { holtWinters } from './holt-winters.js';
import { syntheticTraffic } from './synthetic-traffic.testing.js';

const values = syntheticTraffic(
  { period: 24, base: 300, amplitude: 100, trend: 0.2, noise: 15, seed: 7 },
  24 * 5,
);

describe('fitHoltWinters', () => {
  it('finds weights with a one-step error no larger than other weights give', () => {
    const best = fitHoltWinters(values, 24);
    for (const parameters of [
      { alpha: 0.9, beta: 0.2, gamma: 0.5 },
      { alpha: 0.05, beta: 0, gamma: 0.01 },
      { alpha: 0.5, beta: 0.1, gamma: 0.3 },
    ])
      expect(best.sse).toBeLessThanOrEqual(holtWinters(values, 24, parameters).sse);
  });

  it('keeps the weights it is given', () => {
    const model = fitHoltWinters(values, 24, { alpha: 0.42, gamma: 0.11 });
    expect(model.parameters.alpha).toBe(0.42);
    expect(model.parameters.gamma).toBe(0.11);
  });
});
