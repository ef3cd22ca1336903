import { formatAddressBits, maskBits, parseAddressBits } from './address-bits.js';

/**
 * The address with its host bits zeroed, keeping the first `ipv4Prefix` or `ipv6Prefix` bits, in canonical
 * text. Text that is not an address (an empty client address) comes back as it is.
 * @example truncateAddress('203.0.113.77', 24, 48) // '203.0.113.0'
 * @example truncateAddress('2001:db8:1:2::7', 24, 48) // '2001:db8:1::'
 */
export function truncateAddress(ip: string, ipv4Prefix: number, ipv6Prefix: number): string {
  const bits = parseAddressBits(ip);
  if (bits === undefined) return ip;
  return formatAddressBits(maskBits(bits, bits.family === 4 ? ipv4Prefix : ipv6Prefix));
}
