import { describe, expect, it } from 'vitest';
import { Breaker, type BreakerOptions } from './breaker.js';

const OPTIONS: BreakerOptions = {
  enabled: true,
  consecutiveFailures: 3,
  failureRatio: 0.5,
  windowMs: 10_000,
  minRequests: 10,
  openMs: 1000,
};

describe('Breaker', () => {
  it('opens after the configured failures in a row, and a success in between starts the count again', () => {
    const breaker = new Breaker(OPTIONS);
    breaker.failure(false, 1);
    breaker.failure(false, 2);
    breaker.success(false, 3);
    breaker.failure(false, 4);
    breaker.failure(false, 5);
    expect(breaker.state).toBe('closed');
    breaker.failure(false, 6);
    expect(breaker.state).toBe('open');
    expect(breaker.canPass(7)).toBe(false);
    expect(breaker.openUntil).toBe(1006);
  });

  it('opens when the failure ratio over the window is reached, once enough requests were seen', () => {
    const breaker = new Breaker({ ...OPTIONS, consecutiveFailures: 100 });
    // Alternating: never 2 failures in a row, half of them failures.
    for (let i = 0; i < 8; i++) {
      if (i % 2 === 0) breaker.success(false, i);
      else breaker.failure(false, i);
    }
    expect(breaker.state).toBe('closed');
    breaker.success(false, 8);
    breaker.failure(false, 9);
    expect(breaker.state).toBe('open');
  });

  it('lets one probe through after the cool-down; its success closes the breaker', () => {
    const breaker = new Breaker(OPTIONS);
    for (let i = 0; i < 3; i++) breaker.failure(false, 100);
    expect(breaker.canPass(1099)).toBe(false);
    expect(breaker.canPass(1100)).toBe(true);
    expect(breaker.enter(1100)).toBe(true);
    expect(breaker.state).toBe('half-open');
    // One probe at a time.
    expect(breaker.canPass(1101)).toBe(false);
    breaker.success(true, 1150);
    expect(breaker.state).toBe('closed');
    expect(breaker.enter(1151)).toBe(false);
  });

  it('opens again for a full cool-down when the probe fails', () => {
    const breaker = new Breaker(OPTIONS);
    for (let i = 0; i < 3; i++) breaker.failure(false, 0);
    breaker.enter(1000);
    breaker.failure(true, 1200);
    expect(breaker.state).toBe('open');
    expect(breaker.canPass(2199)).toBe(false);
    expect(breaker.canPass(2200)).toBe(true);
  });

  it('gives the probe slot back when the probe ended without an outcome', () => {
    const breaker = new Breaker(OPTIONS);
    for (let i = 0; i < 3; i++) breaker.failure(false, 0);
    breaker.enter(1000);
    breaker.release(true);
    expect(breaker.state).toBe('half-open');
    expect(breaker.canPass(1001)).toBe(true);
  });

  it('ignores outcomes of requests let through before it opened', () => {
    const breaker = new Breaker(OPTIONS);
    for (let i = 0; i < 3; i++) breaker.failure(false, 0);
    breaker.success(false, 10);
    expect(breaker.state).toBe('open');
    breaker.enter(1000);
    breaker.failure(false, 1001);
    expect(breaker.state).toBe('half-open');
  });

  it('never opens when disabled', () => {
    const breaker = new Breaker({ ...OPTIONS, enabled: false });
    for (let i = 0; i < 50; i++) breaker.failure(false, i);
    expect(breaker.state).toBe('closed');
    expect(breaker.canPass(51)).toBe(true);
  });
});
