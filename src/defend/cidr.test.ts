import { describe, expect, it } from 'vitest';
import { createAddressSet, parseCidr } from './cidr.js';

describe('createAddressSet', () => {
  const cases: [string[], string, boolean][] = [
    [['10.0.0.0/8'], '10.200.3.4', true],
    [['10.0.0.0/8'], '11.0.0.1', false],
    [['192.168.1.7'], '192.168.1.7', true],
    [['192.168.1.7'], '192.168.1.8', false],
    [['0.0.0.0/0'], '8.8.8.8', true],
    [['2001:db8::/32'], '2001:db8:ffff::1', true],
    [['2001:db8::/32'], '2001:db9::1', false],
    [['::1'], '::1', true],
    [['127.0.0.0/8'], '::ffff:127.0.0.1', true],
    [['10.0.0.0/8'], '::a00:1', false],
    [['10.0.0.0/8'], 'not-an-address', false],
  ];
  it.each(cases)('%j has %s → %s', (entries, address, expected) => {
    expect(createAddressSet(entries).set.has(address)).toBe(expected);
  });

  it('returns malformed entries instead of ignoring them', () => {
    const { set, invalid } = createAddressSet(['10.0.0.0/33', 'x.y', '1.2.3.4/08a', '::/0']);
    expect(invalid).toEqual(['10.0.0.0/33', 'x.y', '1.2.3.4/08a']);
    expect(set.size).toBe(1);
  });

  it('parses the network of a range', () => {
    expect(parseCidr('10.1.2.3/8')).toMatchObject({ family: 4, network: 10n });
  });
});
