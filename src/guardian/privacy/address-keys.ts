import { formatAddressBits, maskBits, parseAddressBits } from './address-bits.js';

/**
 * The names a client address is kept under: the address itself, and for IPv6 also its network of
 * `ipv6PrefixLength` bits (`defend.ipv6PrefixLength`, 64 by default), the form client prefixes take and
 * incidents and the brain's agents key an IPv6 client by.
 * @example addressKeys('2001:db8:1:2::7', 64) // ['2001:db8:1:2::7', '2001:db8:1:2::/64']
 */
export function addressKeys(address: string, ipv6PrefixLength: number): readonly string[] {
  const bits = parseAddressBits(address);
  if (bits === undefined || bits.family === 4 || ipv6PrefixLength >= 128) return [address];
  return [address, `${formatAddressBits(maskBits(bits, ipv6PrefixLength))}/${ipv6PrefixLength}`];
}
