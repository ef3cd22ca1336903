import { describe, expect, it } from 'vitest';
import { ClientHolds } from './client-holds.js';

describe('ClientHolds', () => {
  it('holds an address until a time, the longer hold winning, and says when a hold is new', () => {
    const holds = new ClientHolds(100);
    expect(holds.hold('192.0.2.1', 1000, 0)).toBe(true);
    expect(holds.hold('192.0.2.1', 500, 10)).toBe(false);
    expect(holds.hold('192.0.2.1', 2000, 20)).toBe(false);
    expect(holds.isHeld('192.0.2.1', 1999)).toBe(true);
    expect(holds.isHeld('192.0.2.1', 2000)).toBe(false);
    expect(holds.hold('192.0.2.1', 3000, 2500)).toBe(true);
    expect(holds.isHeld('192.0.2.2', 0)).toBe(false);
  });

  it('holds every address and /64 inside a range decided on, until the range lapses', () => {
    const holds = new ClientHolds(100);
    holds.hold('198.51.100.0/24', 1000, 0, true);
    holds.hold('2001:db8::/32', Number.POSITIVE_INFINITY, 0, true);
    expect(holds.isHeld('198.51.100.77', 999)).toBe(true);
    expect(holds.isHeld('198.51.101.1', 0)).toBe(false);
    expect(holds.isHeld('2001:db8:5:6::/64', 10 ** 15)).toBe(true);
    holds.sweep(1000);
    expect(holds.isHeld('198.51.100.77', 500)).toBe(false);
  });
});
