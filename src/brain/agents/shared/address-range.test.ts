import { describe, expect, it } from 'vitest';
import { parseAddressRange, rangeHolds } from './address-range.js';

const range = (text: string) => {
  const parsed = parseAddressRange(text);
  if (parsed === undefined) throw new Error(`not a range: ${text}`);
  return parsed;
};

describe('parseAddressRange', () => {
  it('reads IPv4 and IPv6 addresses and ranges, masking the host part', () => {
    expect(range('192.0.2.7')).toEqual({ v6: false, network: 0xc0000207n, bits: 32 });
    expect(range('192.0.2.7/24')).toEqual({ v6: false, network: 0xc0000200n, bits: 24 });
    expect(range('2001:db8::1')).toEqual({
      v6: true,
      network: 0x20010db8000000000000000000000001n,
      bits: 128,
    });
    expect(range('2001:db8:0:0:1:2:3:4/64').network).toBe(0x20010db8000000000000000000000000n);
    expect(range('::ffff:192.0.2.1').network).toBe(0xffffc0000201n);
    expect(range('::').network).toBe(0n);
  });

  it('refuses what is not an address or a range', () => {
    for (const text of [
      '',
      'x',
      '256.0.0.1',
      '1.2.3',
      '1.2.3.4/33',
      '1.2.3.4/',
      '2001:db8::1::2',
      '1:2:3:4:5:6:7',
      'g::1',
      '::/129',
      '1.2.3.4/2x',
    ])
      expect(parseAddressRange(text), text).toBeUndefined();
  });
});

describe('rangeHolds', () => {
  it('holds addresses and narrower ranges inside it, of its own family only', () => {
    expect(rangeHolds(range('198.51.100.0/24'), range('198.51.100.9'))).toBe(true);
    expect(rangeHolds(range('198.51.100.0/24'), range('198.51.101.9'))).toBe(false);
    expect(rangeHolds(range('198.51.100.0/24'), range('198.51.0.0/16'))).toBe(false);
    expect(rangeHolds(range('2001:db8::/32'), range('2001:db8:1:2::/64'))).toBe(true);
    expect(rangeHolds(range('2001:db8:1:2::/64'), range('2001:db8:1:3::/64'))).toBe(false);
    expect(rangeHolds(range('0.0.0.0/0'), range('203.0.113.1'))).toBe(true);
    expect(rangeHolds(range('0.0.0.0/0'), range('2001:db8::1'))).toBe(false);
  });
});
