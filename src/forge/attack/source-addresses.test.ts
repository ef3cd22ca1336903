import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './attack-target.js';
import { createSourceAddresses } from './source-addresses.js';

describe('createSourceAddresses', () => {
  it('gives each client a loopback address of its own, never 127.0.0.1', () => {
    const sources = createSourceAddresses(true, 7 * 256 + 250);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const address = sources.next()!;
      expect(isLoopbackAddress(address), address).toBe(true);
      expect(address).toMatch(/^127\.\d+\.\d+\.\d+$/);
      seen.add(address);
    }
    expect(seen.size).toBe(2000);
    expect(seen.has('127.0.0.1')).toBe(false);
  });

  it('starts where the block says, so that two runs use different clients', () => {
    expect(createSourceAddresses(true, 5 * 256).next()).toBe('127.5.0.1');
    expect(createSourceAddresses(true, 9 * 256 + 3).next()).toBe('127.9.3.1');
  });

  it('gives no address when clients share the system one', () => {
    const sources = createSourceAddresses(false);
    expect(sources.distinct).toBe(false);
    expect(sources.next()).toBeUndefined();
  });
});
