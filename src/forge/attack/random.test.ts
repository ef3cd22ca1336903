import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it('keeps int within its bounds and reaches both ends', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(random.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffles without losing or adding items, and refuses to pick from nothing', () => {
    const random = createRandom(9);
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(random.shuffle(items).sort()).toEqual(items);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(random.word(12)).toMatch(/^[a-z0-9]{12}$/);
  });
});
