import { describe, expect, it } from 'vitest';
import { createSampler, seededRandom, seedFromText } from './sampler.js';

function draws(sample: () => boolean, n: number): boolean[] {
  return Array.from({ length: n }, sample);
}

describe('createSampler', () => {
  it('hits every request at 100% and none at 0%', () => {
    expect(draws(createSampler(100, 1), 50).every(Boolean)).toBe(true);
    expect(draws(createSampler(0, 1), 50).some(Boolean)).toBe(false);
  });

  it('hits about the share asked for, the same requests for the same seed', () => {
    const first = draws(createSampler(30, 42), 2000);
    const hits = first.filter(Boolean).length;
    expect(hits).toBeGreaterThan(500);
    expect(hits).toBeLessThan(700);
    expect(draws(createSampler(30, 42), 2000)).toEqual(first);
    expect(draws(createSampler(30, 43), 2000)).not.toEqual(first);
  });

  it('does not line up with a rotation of two paths', () => {
    const hits = draws(createSampler(50, 9), 400);
    const even = hits.filter((hit, i) => hit && i % 2 === 0).length;
    const odd = hits.filter((hit, i) => hit && i % 2 === 1).length;
    expect(even).toBeGreaterThan(60);
    expect(odd).toBeGreaterThan(60);
  });
});

describe('seededRandom', () => {
  it('stays in [0, 1)', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe('seedFromText', () => {
  it('gives one 32-bit seed per text', () => {
    expect(seedFromText('upstream-latency')).toBe(seedFromText('upstream-latency'));
    expect(seedFromText('upstream-latency')).not.toBe(seedFromText('upstream-errors'));
    expect(seedFromText('x')).toBeLessThan(2 ** 32);
  });
});
