import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './bounded-queue.js';

describe('BoundedQueue', () => {
  it('gives items back first in, first out, across the wrap of its ring', () => {
    const queue = new BoundedQueue<number>(3);
    const out: number[] = [];
    for (let i = 0; i < 10; i++) {
      expect(queue.push(i)).toBe(true);
      if (i % 2 === 1) out.push(queue.shift()!, queue.shift()!);
    }
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(queue.shift()).toBeUndefined();
  });

  it('refuses an item when full, and says how many a clear removed', () => {
    const queue = new BoundedQueue<string>(2);
    expect([queue.push('a'), queue.push('b'), queue.push('c')]).toEqual([true, true, false]);
    expect(queue.size).toBe(2);
    expect(queue.clear()).toBe(2);
    expect(queue.size).toBe(0);
    expect(queue.push('d')).toBe(true);
    expect(queue.shift()).toBe('d');
  });

  it('refuses a capacity under 1', () => {
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
    expect(() => new BoundedQueue(1.5)).toThrow(RangeError);
  });
});
