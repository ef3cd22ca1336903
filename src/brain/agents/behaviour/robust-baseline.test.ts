import { describe, expect, it } from 'vitest';
import { RobustBaseline } from './robust-baseline.js';

describe('RobustBaseline', () => {
  it('gives the median and 1.4826 × MAD, unmoved by an outlier', () => {
    const baseline = new RobustBaseline(100);
    for (const x of [1, 2, 3, 4, 5, 1000]) baseline.add(x);
    // Median 3.5; deviations 0.5 0.5 1.5 1.5 2.5 996.5 → MAD 1.5.
    expect(baseline.stats()).toEqual({ median: 3.5, scale: 1.4826 * 1.5 });
  });

  it('keeps the last samples only, oldest first, and ignores what is not a finite number', () => {
    const baseline = new RobustBaseline(3);
    for (const x of [1, 2, Number.NaN, 3, 4, Number.POSITIVE_INFINITY, 5]) baseline.add(x);
    expect(baseline.samples()).toEqual([3, 4, 5]);
    expect(new RobustBaseline(3, [9, 8, 7, 6]).samples()).toEqual([8, 7, 6]);
  });

  it('computes its statistics again after a new sample', () => {
    const baseline = new RobustBaseline(10, [1, 1, 1]);
    expect(baseline.stats()).toEqual({ median: 1, scale: 0 });
    baseline.add(9);
    expect(baseline.stats().median).toBe(1);
    baseline.add(9);
    baseline.add(9);
    expect(baseline.stats().median).toBe(5);
  });
});
