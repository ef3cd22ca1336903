import { describe, expect, it } from 'vitest';
import { chooseActors } from './actors.js';

describe('chooseActors', () => {
  it('puts each actor on its own loopback address, none on 127.0.0.1', () => {
    const actors = Object.values(chooseActors(new Set()));
    const addresses = actors.map((a) => a.address);
    expect(new Set(addresses).size).toBe(actors.length);
    for (const address of addresses) expect(address).toMatch(/^127\.0\.0\.([2-9])$/);
    expect(chooseActors(new Set()).scanner.userAgent).toMatch(/nikto/i);
  });

  it('moves to the next /24 when an earlier run left a decision on one of the addresses', () => {
    const first = chooseActors(new Set());
    const moved = chooseActors(new Set([first.partner.address, '127.0.1.6']));
    expect(moved.partner.address).toBe('127.0.2.5');
    expect(Object.values(moved).every((a) => a.address.startsWith('127.0.2.'))).toBe(true);
  });

  it('gives up when every block is taken', () => {
    const taken = new Set(Array.from({ length: 256 }, (_, n) => `127.0.${n}.2`));
    expect(() => chooseActors(taken)).toThrow(/fresh --data-dir/);
  });
});
