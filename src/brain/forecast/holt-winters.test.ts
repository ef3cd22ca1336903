import { describe, expect, it } from 'vitest';
import { holtWinters } from './holt-winters.js';
import { syntheticTraffic, truth } from './synthetic-traffic.testing.js';

const SHAPE = { period: 24, base: 200, amplitude: 80, trend: 0.5, noise: 0, seed: 1 };

describe('holtWinters', () => {
  it('forecasts a noiseless seasonal series with a trend almost exactly', () => {
    const values = syntheticTraffic(SHAPE, 24 * 4);
    const model = holtWinters(values, 24, { alpha: 0.2, beta: 0.05, gamma: 0.2 });
    for (let h = 1; h <= 24; h++) expect(model.predict(h)).toBeCloseTo(truth(SHAPE, 24 * 4 - 1 + h), 0);
    expect(model.method).toBe('holt-winters');
  });

  it('widens the spread with the horizon, with a step at each whole season', () => {
    const values = syntheticTraffic({ ...SHAPE, noise: 10 }, 24 * 4);
    const model = holtWinters(values, 24, { alpha: 0.3, beta: 0.1, gamma: 0.3 });
    expect(model.sigma).toBeGreaterThan(0);
    expect(model.spread(1)).toBeCloseTo(model.sigma, 12);
    const c = (j: number) => 0.3 * (1 + j * 0.1) + (j % 24 === 0 ? 0.3 * 0.7 : 0);
    const sum = (h: number) =>
      Array.from({ length: h - 1 }, (_, i) => c(i + 1) ** 2).reduce((a, b) => a + b, 0);
    expect(model.spread(30)).toBeCloseTo(model.sigma * Math.sqrt(1 + sum(30)), 9);
    expect(model.spread(2)).toBeGreaterThan(model.spread(1));
    expect(model.spread(25) - model.spread(24)).toBeGreaterThan(model.spread(24) - model.spread(23));
  });

  it('refuses less than two seasons', () => {
    expect(() => holtWinters(new Array(47).fill(1), 24, { alpha: 0.2, beta: 0, gamma: 0.1 })).toThrow(
      /2 seasons/,
    );
    expect(() => holtWinters(new Array(10).fill(1), 1, { alpha: 0.2, beta: 0, gamma: 0.1 })).toThrow(
      RangeError,
    );
  });
});
