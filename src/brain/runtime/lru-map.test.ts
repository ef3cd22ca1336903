import { describe, expect, it } from 'vitest';
import { LruMap } from './lru-map.js';

describe('LruMap', () => {
  it('evicts the least recently touched entry when over its size', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1, 0);
    map.set('b', 2, 0);
    expect(map.get('a', 1)).toBe(1);
    expect(map.set('c', 3, 2)).toEqual(['b', 2]);
    expect([...map.entries()]).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
  });

  it('forgets entries untouched for its time to live', () => {
    const map = new LruMap<string, number>(10, 100);
    map.set('a', 1, 0);
    map.set('b', 2, 50);
    expect(map.peek('a', 99)).toBe(1);
    expect(map.get('a', 100)).toBeUndefined();
    expect(map.size).toBe(1);
    map.set('c', 3, 120);
    expect(map.expire(150)).toEqual([['b', 2]]);
    expect([...map.entries()]).toEqual([['c', 3]]);
  });

  it('refuses a size under 1', () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
