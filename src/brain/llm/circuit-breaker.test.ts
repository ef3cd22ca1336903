import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from './circuit-breaker.js';

describe('createCircuitBreaker', () => {
  it('opens after the threshold, lets one trial through after the cool-down, and closes on its success', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2, cooldownMs: 1000 });
    expect(breaker.tryAcquire(0)).toBe(true);
    breaker.failed(0);
    expect(breaker.state(0)).toBe('closed');
    breaker.failed(10);
    expect(breaker.state(10)).toBe('open');
    expect(breaker.tryAcquire(500)).toBe(false);
    expect(breaker.state(1010)).toBe('half-open');
    expect(breaker.tryAcquire(1010)).toBe(true);
    expect(breaker.tryAcquire(1011)).toBe(false); // one trial at a time
    breaker.succeeded();
    expect(breaker.state(1012)).toBe('closed');
    expect(breaker.consecutiveFailures).toBe(0);
  });

  it('opens again for a whole cool-down when the trial fails', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 1000 });
    breaker.failed(0);
    expect(breaker.tryAcquire(1000)).toBe(true);
    breaker.failed(1000);
    expect(breaker.state(1999)).toBe('open');
    expect(breaker.tryAcquire(1999)).toBe(false);
    expect(breaker.tryAcquire(2000)).toBe(true);
  });

  it('a success resets the count of consecutive failures', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2 });
    breaker.failed(0);
    breaker.succeeded();
    breaker.failed(1);
    expect(breaker.state(1)).toBe('closed');
  });

  it('refuses a threshold that is not a positive integer', () => {
    expect(() => createCircuitBreaker({ failureThreshold: 0 })).toThrow(TypeError);
  });
});
