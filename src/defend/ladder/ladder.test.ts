import { describe, expect, it } from 'vitest';
import { createLadder } from './create-ladder.js';

const steps = [
  { risk: 2, action: 'ratelimit' as const, durationMs: 1000 },
  { risk: 4, action: 'labyrinth' as const, durationMs: 1000 },
  { risk: 8, action: 'block' as const, durationMs: 1000 },
];
const ladder = () => createLadder({ halfLifeMs: 60_000, steps, growth: 2, maxDurationMs: 3000 }, 100);

describe('ladder', () => {
  it('climbs one rung at a time as risk grows, and not again while a rung holds', () => {
    const l = ladder();
    expect(l.signal('a', 1, 0)).toBeUndefined();
    expect(l.signal('a', 1, 0)?.step.action).toBe('ratelimit');
    expect(l.signal('a', 1, 0)).toBeUndefined();
    expect(l.signal('a', 1, 0)?.step.action).toBe('labyrinth');
    expect(l.signal('a', 10, 1)?.step.action).toBe('block');
    expect(l.signal('a', 10, 2)).toBeUndefined();
  });

  it('lets risk fade: a client that stops falls back', () => {
    const l = ladder();
    l.signal('a', 3, 0);
    expect(l.risk('a', 60_000)).toBeCloseTo(1.5);
    expect(l.risk('a', 600_000)).toBeLessThan(0.01);
    expect(l.risk('unknown', 0)).toBe(0);
  });

  it('gives a longer stay each time a rung is reached again, up to the cap', () => {
    const l = ladder();
    const durations: number[] = [];
    for (let round = 0; round < 4; round++) {
      // Risk fades fully between rounds; each round ends after the rung's time.
      const t = round * 10_000_000;
      durations.push(l.signal('a', 2, t)!.durationMs);
    }
    expect(durations).toEqual([1000, 2000, 3000, 3000]);
  });

  it('refuses a ladder without rungs', () => {
    expect(() => createLadder({ halfLifeMs: 1, steps: [], growth: 2, maxDurationMs: 1 }, 10)).toThrow(
      /steps/,
    );
  });
});
