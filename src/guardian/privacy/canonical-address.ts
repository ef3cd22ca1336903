import { formatAddressBits, parseAddressBits } from './address-bits.js';
import { PrivacyError } from './privacy-error.js';

/**
 * The one spelling of an address the stores are searched with: IPv4 dotted, IPv6 compressed in lower case, an
 * IPv4-mapped IPv6 address as its IPv4 address. Throws PrivacyError (`invalid-subject`) for anything else.
 * @example canonicalAddress('2001:DB8:0:0::1') // '2001:db8::1'
 */
export function canonicalAddress(text: string): string {
  const trimmed = text.trim();
  const bits = parseAddressBits(trimmed);
  if (bits === undefined)
    throw new PrivacyError(
      'invalid-subject',
      `"${trimmed.slice(0, 64)}" is not an IPv4 or IPv6 address (give one address, such as 203.0.113.7 or 2001:db8::7, without a port, range or zone)`,
    );
  return formatAddressBits(bits);
}
