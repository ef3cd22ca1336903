import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.js';
import { createTally } from './scenario-tally.js';

describe('createTally', () => {
  it('counts outcomes, finds the first answered request and keeps samples of what is studied', () => {
    const tally = createTally((o) => o === 'passed');
    tally.record('passed', 3, { request: 'GET /a', status: 200 });
    tally.record('error', 1, { request: 'GET /b', status: null });
    tally.record('rateLimited', 2, { request: 'GET /c', status: 429 });
    tally.record('passed', 4, { request: 'GET /d', status: 200 });
    expect(tally.requests).toBe(4);
    expect(tally.counts).toMatchObject({ passed: 2, error: 1, rateLimited: 1, blocked: 0 });
    expect(tally.firstAnswer).toBe(3);
    expect(tally.samples.map((s) => s.request)).toEqual(['GET /a', 'GET /d']);
    expect(tally.latenciesMs).toEqual([3, 1, 2, 4]);
  });

  it('keeps at most five samples', () => {
    const tally = createTally(() => true);
    for (let i = 0; i < 9; i++) tally.record('blocked', 1, { request: `GET /${i}`, status: 403 });
    expect(tally.samples).toHaveLength(5);
    expect(tally.firstAnswer).toBe(1);
  });
});

describe('percentile', () => {
  it('is the nearest rank, and undefined for no values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1.234, 9], 50)).toBe(1.2);
    expect(percentile([], 50)).toBeUndefined();
  });
});
