import { describe, expect, it } from 'vitest';
import { Prng } from './prng.js';

const seed = (n: number) => new Uint8Array(16).fill(n);

describe('Prng', () => {
  it('is a function of its seed', () => {
    const draw = (rng: Prng) => Array.from({ length: 50 }, () => rng.next());
    expect(draw(new Prng(seed(1)))).toEqual(draw(new Prng(seed(1))));
    expect(draw(new Prng(seed(1)))).not.toEqual(draw(new Prng(seed(2))));
    expect(new Set(draw(new Prng(seed(0)))).size).toBe(50);
  });

  it('draws integers in range, about evenly', () => {
    const rng = new Prng(seed(9));
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[rng.below(10)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    for (let i = 0; i < 1000; i++) {
      const n = rng.between(2015, 2025);
      expect(n >= 2015 && n <= 2025 && Number.isInteger(n)).toBe(true);
    }
    const hits = Array.from({ length: 10_000 }, () => rng.chance(0.25)).filter(Boolean).length;
    expect(Math.abs(hits - 2500)).toBeLessThan(200);
  });
});
