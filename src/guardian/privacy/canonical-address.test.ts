import { describe, expect, it } from 'vitest';
import { canonicalAddress } from './canonical-address.js';
import { PrivacyError } from './privacy-error.js';

describe('canonicalAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['::', '::'],
    ['::1', '::1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
  ])('%s is %s', (text, expected) => {
    expect(canonicalAddress(text)).toBe(expected);
  });

  it.each([
    '',
    'localhost',
    '203.0.113',
    '203.0.113.7/32',
    '203.0.113.7:80',
    '256.1.1.1',
    'fe80::1%eth0',
    '2001:db8::g',
  ])('refuses %j with a readable reason', (text) => {
    const call = () => canonicalAddress(text);
    expect(call).toThrow(PrivacyError);
    expect(call).toThrow(/is not an IPv4 or IPv6 address/);
  });
});
