import { describe, expect, it } from 'vitest';
import { parseAddressBits } from './address-bits.js';
import { isSingleAddress, parseAddressRange, rangeHolds } from './address-range.js';

describe('address ranges', () => {
  const holds = (range: string, address: string) =>
    rangeHolds(parseAddressRange(range)!, parseAddressBits(address)!);

  it('says which ranges hold an address', () => {
    expect(holds('203.0.113.0/24', '203.0.113.7')).toBe(true);
    expect(holds('203.0.113.9/24', '203.0.113.7')).toBe(true);
    expect(holds('203.0.112.0/24', '203.0.113.7')).toBe(false);
    expect(holds('0.0.0.0/0', '203.0.113.7')).toBe(true);
    expect(holds('2001:db8::/32', '2001:db8:1::7')).toBe(true);
    expect(holds('2001:db9::/32', '2001:db8:1::7')).toBe(false);
    expect(holds('::/0', '203.0.113.7')).toBe(false);
    expect(holds('203.0.113.7', '::ffff:203.0.113.7')).toBe(true);
  });

  it('knows a range of one address', () => {
    expect(isSingleAddress(parseAddressRange('203.0.113.7')!)).toBe(true);
    expect(isSingleAddress(parseAddressRange('203.0.113.7/32')!)).toBe(true);
    expect(isSingleAddress(parseAddressRange('2001:db8::7/128')!)).toBe(true);
    expect(isSingleAddress(parseAddressRange('203.0.113.7/31')!)).toBe(false);
  });

  it('refuses malformed ranges', () => {
    for (const text of ['203.0.113.0/33', '2001:db8::/129', '1.2.3.4/-1', '1.2.3.4/8/8', 'x/8', '1.2.3.4/ 8'])
      expect(parseAddressRange(text)).toBeUndefined();
  });
});
