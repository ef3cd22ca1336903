import { describe, expect, it } from 'vitest';
import { createSlidingWindow, percentile } from './sliding-window.js';

const sample = (at: number, ok: boolean, ms: number, outcome = ok ? '200' : '503') => ({
  at,
  ok,
  ms,
  outcome,
});

describe('createSlidingWindow', () => {
  it('adds up the samples of the last window only', () => {
    const window = createSlidingWindow(1000);
    window.add(sample(100, false, 5));
    window.add(sample(900, true, 10));
    window.add(sample(1500, false, 30));
    window.add(sample(1600, true, 20));
    expect(window.figures(1800)).toEqual({
      windowMs: 1000,
      requests: 3,
      errors: 1,
      errorPercent: (1 / 3) * 100,
      p99Ms: 30,
      outcomes: { '200': 2, '503': 1 },
    });
    expect(window.figures(5000).requests).toBe(0);
  });

  it('says zero, not NaN, for an empty window', () => {
    expect(createSlidingWindow(1000).figures(0)).toMatchObject({ requests: 0, errorPercent: 0, p99Ms: 0 });
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });
});
