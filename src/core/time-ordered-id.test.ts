import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('is a version 7 UUID that carries the time in milliseconds', () => {
    const now = Date.UTC(2026, 10, 25, 12, 0, 0, 123);
    const id = timeOrderedId(now);
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(now);
  });

  it('sorts as text in the order of the times it was made at', () => {
    const times = [1, 2, 255, 256, 4095, 4096, 1_700_000_000_000, 1_800_000_000_000];
    const ids = times.map((t) => timeOrderedId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('does not repeat, across many refills of its random pool', () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 5000 }, () => timeOrderedId(now)));
    expect(ids.size).toBe(5000);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });
});
