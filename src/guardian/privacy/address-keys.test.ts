import { describe, expect, it } from 'vitest';
import { addressKeys } from './address-keys.js';

describe('addressKeys', () => {
  it('is the address alone for IPv4', () => {
    expect(addressKeys('203.0.113.7', 64)).toEqual(['203.0.113.7']);
  });

  it('adds the network an IPv6 client is grouped by, as client prefixes write it', () => {
    expect(addressKeys('2001:db8:1:2::7', 64)).toEqual(['2001:db8:1:2::7', '2001:db8:1:2::/64']);
    expect(addressKeys('2001:db8:1:2::7', 48)).toEqual(['2001:db8:1:2::7', '2001:db8:1::/48']);
    expect(addressKeys('2001:db8:1:2::7', 128)).toEqual(['2001:db8:1:2::7']);
  });
});
