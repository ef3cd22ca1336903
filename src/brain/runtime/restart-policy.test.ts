import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY, restartAfter } from './restart-policy.js';

describe('restartAfter', () => {
  const policy = {
    ...DEFAULT_RESTART_POLICY,
    initialDelayMs: 100,
    factor: 3,
    maxDelayMs: 1000,
    maxCrashes: 5,
  };

  it('waits longer after each crash in the window, up to the cap', () => {
    const delays = [1, 2, 3, 4].map((n) =>
      restartAfter(
        Array.from({ length: n }, (_, i) => i),
        policy,
      ),
    );
    expect(delays).toEqual([
      { restart: true, delayMs: 100 },
      { restart: true, delayMs: 300 },
      { restart: true, delayMs: 900 },
      { restart: true, delayMs: 1000 },
    ]);
  });

  it('gives up at the limit, saying why', () => {
    const verdict = restartAfter([1, 2, 3, 4, 5], policy);
    expect(verdict).toEqual({ restart: false, reason: '5 crashes within 600000 ms (limit 5)' });
  });
});
