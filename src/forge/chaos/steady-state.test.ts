import { describe, expect, it } from 'vitest';
import type { WindowFigures } from './sliding-window.js';
import { judgeSteadyState, steadyStateSchema } from './steady-state.js';

const hypothesis = steadyStateSchema.parse({
  probe: { url: 'http://127.0.0.1:8080' },
  window: '5s',
  minSamples: 10,
  maxErrorPercent: 5,
  maxP99: '300ms',
});

function figures(requests: number, errors: number, p99Ms: number): WindowFigures {
  return { windowMs: 5000, requests, errors, errorPercent: (errors / requests) * 100, p99Ms, outcomes: {} };
}

describe('judgeSteadyState', () => {
  it('holds within both checks', () => {
    expect(judgeSteadyState(figures(100, 5, 300), hypothesis)).toEqual({ state: 'held' });
  });

  it('breaks on the error rate, with the figures in the reason', () => {
    expect(judgeSteadyState(figures(40, 40, 12), hypothesis)).toEqual({
      state: 'broken',
      check: 'error-rate',
      reason: 'error rate 100.0% (40 of 40 probes) over the last 5s is above 5%',
    });
  });

  it('breaks on the p99 latency', () => {
    expect(judgeSteadyState(figures(40, 0, 450), hypothesis)).toMatchObject({
      state: 'broken',
      check: 'p99',
      reason: 'p99 latency 450ms (40 probes) over the last 5s is above 300ms',
    });
  });

  it('judges nothing on fewer samples than asked', () => {
    expect(judgeSteadyState(figures(9, 9, 9000), hypothesis).state).toBe('too-few');
  });

  it('needs at least one check', () => {
    const result = steadyStateSchema.safeParse({ probe: { url: 'http://127.0.0.1:8080' } });
    expect(result.error?.issues[0]?.message).toBe('name at least one check: maxErrorPercent or maxP99');
  });
});
