import { describe, expect, it } from 'vitest';
import { LOCKOUT_MAX_MS, lockoutAfterFailure, lockRemaining } from './lockout.js';

const NOW = 1_700_000_000_000;

describe('lockoutAfterFailure', () => {
  const cases: [number, number][] = [
    [0, 0],
    [1, 0],
    [4, 0],
    [5, 1000],
    [6, 2000],
    [7, 4000],
    [8, 8000],
    [14, 512_000],
    [15, 900_000],
    [16, 900_000],
    [1000, 900_000],
    [Number.MAX_SAFE_INTEGER, 900_000],
  ];
  it.each(cases)('after %i failures locks for %i ms', (failures, ms) => {
    expect(lockoutAfterFailure(failures, NOW)).toBe(ms === 0 ? 0 : NOW + ms);
  });

  it('caps at 15 minutes', () => {
    expect(LOCKOUT_MAX_MS).toBe(900_000);
  });

  it('locks nothing for a count that is not a number', () => {
    expect(lockoutAfterFailure(Number.NaN, NOW)).toBe(0);
    expect(lockoutAfterFailure(-3, NOW)).toBe(0);
  });
});

describe('lockRemaining', () => {
  it('counts down to zero, never below', () => {
    expect(lockRemaining({ lockedUntil: NOW + 1500 }, NOW)).toBe(1500);
    expect(lockRemaining({ lockedUntil: NOW }, NOW)).toBe(0);
    expect(lockRemaining({ lockedUntil: NOW - 1 }, NOW)).toBe(0);
    expect(lockRemaining({ lockedUntil: 0 }, NOW)).toBe(0);
  });
});
