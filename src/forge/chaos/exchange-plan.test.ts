import { describe, expect, it } from 'vitest';
import { planExchange } from './exchange-plan.js';

const respond = { type: 'respond', status: 503, headers: {}, body: '' } as const;

describe('planExchange', () => {
  it('lets a request with no effect through untouched', () => {
    expect(planExchange([])).toEqual({
      delayMs: 0,
      stop: undefined,
      bytesPerSecond: undefined,
      resetAfterBytes: undefined,
    });
  });

  it('adds delays, keeps the first stop, the slowest rate and the earliest reset', () => {
    const plan = planExchange([
      { type: 'delay', ms: 20 },
      { type: 'throttle', bytesPerSecond: 5000 },
      { type: 'reset', phase: 'after-headers', afterBytes: 100 },
      { type: 'delay', ms: 5 },
      { type: 'throttle', bytesPerSecond: 1000 },
      { type: 'reset', phase: 'after-headers', afterBytes: 10 },
      respond,
      { type: 'drop' },
    ]);
    expect(plan).toEqual({ delayMs: 25, stop: respond, bytesPerSecond: 1000, resetAfterBytes: 10 });
  });

  it('treats a reset before the headers as a stop', () => {
    const reset = { type: 'reset', phase: 'before-headers', afterBytes: 0 } as const;
    expect(planExchange([reset, respond]).stop).toBe(reset);
  });
});
