import { describe, expect, it } from 'vitest';
import { fitSimpleExponentialSmoothing, simpleExponentialSmoothing } from './simple-exponential-smoothing.js';

describe('simpleExponentialSmoothing', () => {
  it('forecasts a constant series exactly, with no spread', () => {
    const model = simpleExponentialSmoothing([7, 7, 7, 7], 0.3);
    expect(model.predict(1)).toBe(7);
    expect(model.predict(50)).toBe(7);
    expect(model.sigma).toBe(0);
    expect(model.method).toBe('simple');
  });

  it('moves the level by alpha of each error', () => {
    // 10, then 20: level 10 + 0.5 × 10 = 15; then 20 again: 15 + 0.5 × 5 = 17.5.
    expect(simpleExponentialSmoothing([10, 20, 20], 0.5).predict(1)).toBe(17.5);
  });

  it('widens the spread with the horizon as σ√(1 + (h−1)α²)', () => {
    const model = simpleExponentialSmoothing([10, 14, 9, 13, 11], 0.4);
    expect(model.spread(1)).toBeCloseTo(model.sigma, 12);
    expect(model.spread(5)).toBeCloseTo(model.sigma * Math.sqrt(1 + 4 * 0.16), 12);
  });
});

describe('fitSimpleExponentialSmoothing', () => {
  it('follows a level shift closely with a high alpha, and smooths noise with a low one', () => {
    const shift = [...Array<number>(20).fill(10), ...Array<number>(20).fill(100)];
    expect(fitSimpleExponentialSmoothing(shift).parameters.alpha).toBeGreaterThanOrEqual(0.9);
    const noisy = Array.from({ length: 200 }, (_, i) => 50 + (i % 2 === 0 ? 5 : -5));
    expect(fitSimpleExponentialSmoothing(noisy).parameters.alpha).toBeLessThanOrEqual(0.1);
  });
});
