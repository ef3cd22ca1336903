import { describe, expect, it } from 'vitest';
import { truncateAddress } from './truncate-address.js';

describe('truncateAddress', () => {
  const cases: [string, number, number, string][] = [
    ['203.0.113.77', 24, 48, '203.0.113.0'],
    ['203.0.113.77', 16, 48, '203.0.0.0'],
    ['203.0.113.77', 32, 48, '203.0.113.77'],
    ['203.0.113.77', 0, 48, '0.0.0.0'],
    ['203.0.113.77', 20, 48, '203.0.112.0'],
    ['::ffff:203.0.113.77', 24, 48, '203.0.113.0'],
    ['2001:db8:1:2:3:4:5:6', 24, 48, '2001:db8:1::'],
    ['2001:DB8:1:2::7', 24, 64, '2001:db8:1:2::'],
    ['2001:db8:abcd:ef12::1', 24, 52, '2001:db8:abcd:e000::'],
    ['2001:db8::1', 24, 128, '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', 24, 128, '2001:db8::1'],
    ['::1', 24, 0, '::'],
    ['fe80::1:2:3:4', 24, 10, 'fe80::'],
  ];
  it.each(cases)('%s with /%i and /%i is %s', (ip, v4, v6, expected) => {
    expect(truncateAddress(ip, v4, v6)).toBe(expected);
  });

  it('leaves text that is not an address as it is', () => {
    for (const text of ['', 'unknown', '1.2.3', '1.2.3.4/24', 'fe80::1%eth0'])
      expect(truncateAddress(text, 24, 48)).toBe(text);
  });
});
