import { describe, expect, it } from 'vitest';
import { SlidingCounter } from './sliding-counter.js';

describe('SlidingCounter', () => {
  it('counts over the last window and drops whole slots as time goes', () => {
    const c = new SlidingCounter(10_000, 10);
    c.add(0);
    c.add(500, 2);
    c.add(5_000);
    expect(c.total(9_999)).toBe(4);
    expect(c.total(10_000)).toBe(1);
    expect(c.total(15_000)).toBe(0);
  });

  it('clears everything after a gap longer than the window', () => {
    const c = new SlidingCounter(1000, 4);
    for (let t = 0; t < 1000; t += 10) c.add(t);
    expect(c.total(999)).toBe(100);
    expect(c.total(1_000_000)).toBe(0);
    c.add(1_000_000);
    expect(c.total(1_000_000)).toBe(1);
  });

  it('counts a time before the newest slot in the newest', () => {
    const c = new SlidingCounter(1000, 10);
    c.add(5000);
    c.add(100);
    expect(c.total(5000)).toBe(2);
  });

  it('knows how much history it holds', () => {
    const c = new SlidingCounter(60_000, 60);
    expect(c.span(0)).toBe(0);
    c.add(10_000);
    expect(c.span(10_000)).toBe(1000);
    expect(c.span(39_999)).toBe(30_000);
    expect(c.span(1_000_000)).toBe(60_000);
  });

  it('refuses a window or slots that make no sense', () => {
    expect(() => new SlidingCounter(0, 10)).toThrow(RangeError);
    expect(() => new SlidingCounter(1000, 0)).toThrow(RangeError);
  });
});
